import type { CommandHandlers } from '../../../shared/contract/commands'
import type { Packer } from '../../../shared/domain/packer'
import { AppError, ErrorCode } from '../../../shared/errors'
import { msg } from '../../../shared/i18n/notice-codes'
import { appendAudit } from '../audit/audit.repository'
import type { Db } from '../db/database'
import { findBox, listBoxes, upsertBox } from './boxes.repository'

/**
 * The box catalog: the box picker's list, and an admin's changes from the settings screen (the role is checked by
 * dispatch, shared/contract/command-roles.ts; the input by the command's zod schema). Every change is audited with
 * the box before and after. The cloud's config pull still writes the boxes it sends: a code the cloud knows is the
 * cloud's at the next pull; a box added here stays.
 */
export function boxesCommands(deps: Readonly<{ db: Db; session: () => Packer | null }>): Pick<CommandHandlers, 'boxes.list' | 'boxes.save' | 'boxes.retire'> {
  const { db } = deps
  return {
    'boxes.list': () => listBoxes(db),
    'boxes.save': async (box) => {
      await db.transaction().execute(async (trx) => {
        const before = await findBox(trx, box.code)
        await upsertBox(trx, box)
        await trx.updateTable('boxes').set({ active: 1 }).where('code', '=', box.code).execute()
        await appendAudit(trx, { actorId: deps.session()?.id ?? null, action: 'settings.boxSaved', detail: { before, after: box } })
      })
      return listBoxes(db)
    },
    'boxes.retire': async ({ code }) => {
      await db.transaction().execute(async (trx) => {
        const box = await findBox(trx, code)
        if (!box) throw new AppError(ErrorCode.notFound, msg('boxes.notFound', { code }), { meta: { code } })
        if ((await listBoxes(trx)).length <= 1) throw new AppError(ErrorCode.wrongState, msg('boxes.lastBox'), { meta: { code } })
        await trx.updateTable('boxes').set({ active: 0 }).where('code', '=', box.code).execute()
        await appendAudit(trx, { actorId: deps.session()?.id ?? null, action: 'settings.boxRetired', detail: { box } })
      })
      return listBoxes(db)
    },
  }
}
