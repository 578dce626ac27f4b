/**
 * The tokens an emulator issued (HepsiJET, MNG, Sendeo): whose each one is and until when. The token text is the
 * carrier's own shape, made by the caller from a per-run sequence number, so a run's tokens are deterministic.
 */
export class IssuedTokens {
  private readonly live = new Map<string, Readonly<{ owner: string; expiresAt: number }>>()
  private seq = 0

  /** Stores the token `shape` makes from the next sequence number, for `owner` until `expiresAt`, and returns it. */
  issue(owner: string, expiresAt: number, shape: (seq: number) => string): string {
    this.seq += 1
    const token = shape(this.seq)
    this.live.set(token, { owner, expiresAt })
    return token
  }

  /** The owner behind a live token, or null (unknown, or expired: an expired token is forgotten). */
  ownerOf(token: string, now: number): string | null {
    const t = this.live.get(token)
    if (t && t.expiresAt > now) return t.owner
    this.live.delete(token)
    return null
  }

  /** Forgets every token, as if all had expired. */
  clear(): void {
    this.live.clear()
  }
}
