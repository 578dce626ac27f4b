import type { Packer } from '../../../shared/domain/packer'
import { AppError, ErrorCode } from '../../../shared/errors'
import { msg } from '../../../shared/i18n/notice-codes'
import type { DbOrTrx } from '../db/database'
import { PinAttempts } from './pin-attempts'
import { verifyPin } from './pin-hash'
import { findPackerByBadge, findPinHash } from './packers.repository'

/**
 * Who may log in at the desk: an active badge, and its PIN when its record has one (issue 12:
 * supervisor, manager and admin badges may carry a PIN, set in the cloud's packer record). A badge
 * with a PIN and no PIN given is refused with session.pinRequired, so the UI asks for it; wrong PINs
 * count towards a short lock (PinAttempts). Overrides that only scan a supervisor's badge do not ask.
 */
export class BadgeGate {
  constructor(
    private readonly db: DbOrTrx,
    private readonly attempts = new PinAttempts(),
  ) {}

  async admit(badge: string, pin?: string): Promise<Packer> {
    const packer = await findPackerByBadge(this.db, badge)
    if (!packer) throw new AppError(ErrorCode.packerUnknown, msg('session.unknownBadge', { badge }), { meta: { badge } })
    const stored = await findPinHash(this.db, packer.id)
    if (stored === null) return packer
    const meta = { badge, role: packer.role }
    const until = this.attempts.lockedUntil(badge)
    if (until !== null) throw new AppError(ErrorCode.pinLocked, msg('session.pinLocked'), { meta: { ...meta, until: new Date(until).toISOString() } })
    if (pin === undefined) throw new AppError(ErrorCode.pinRequired, msg('session.pinRequired'), { meta })
    if (!(await verifyPin(pin, stored))) {
      const attemptsLeft = this.attempts.wrong(badge)
      if (attemptsLeft === 0) throw new AppError(ErrorCode.pinLocked, msg('session.pinLocked'), { meta })
      throw new AppError(ErrorCode.pinWrong, msg('session.pinWrong', { attemptsLeft }), { meta: { ...meta, attemptsLeft } })
    }
    this.attempts.right(badge)
    return packer
  }
}
