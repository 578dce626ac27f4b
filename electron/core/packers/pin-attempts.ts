/** Wrong PINs a badge may give in a row before it is locked. */
export const MAX_PIN_ATTEMPTS = 5
/** How long a badge stays locked after MAX_PIN_ATTEMPTS wrong PINs. */
export const PIN_LOCK_MS = 5 * 60_000

type Tally = { wrong: number; lockedUntil: number }

/**
 * Wrong-PIN counts per badge, in memory: a restart of the desk clears them (the lock is against
 * guessing at the keypad, which a restart slows down as much). A right PIN clears its badge's count.
 */
export class PinAttempts {
  private readonly tallies = new Map<string, Tally>()

  constructor(private readonly now: () => number = Date.now) {}

  /** Epoch ms until which `badge` is locked, or null. */
  lockedUntil(badge: string): number | null {
    const t = this.tallies.get(badge)
    if (!t || t.lockedUntil <= this.now()) return null
    return t.lockedUntil
  }

  /** Counts a wrong PIN; returns the attempts left (0: now locked). */
  wrong(badge: string): number {
    const t = this.tallies.get(badge) ?? { wrong: 0, lockedUntil: 0 }
    if (t.lockedUntil > 0 && t.lockedUntil <= this.now()) t.wrong = 0 // an ended lock starts a new count
    t.wrong += 1
    if (t.wrong >= MAX_PIN_ATTEMPTS) t.lockedUntil = this.now() + PIN_LOCK_MS
    this.tallies.set(badge, t)
    return Math.max(0, MAX_PIN_ATTEMPTS - t.wrong)
  }

  right(badge: string): void {
    this.tallies.delete(badge)
  }
}
