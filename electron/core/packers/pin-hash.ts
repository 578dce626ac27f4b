import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

/** A badge PIN: 4 to 8 digits (typed on the desk's keypad). */
export const PIN_PATTERN = /^\d{4,8}$/

/** scrypt cost: N=2^14, r=8, p=1 (the Node default; ~16 MB, tens of ms on a desk PC). */
const PARAMS = { N: 16384, r: 8, p: 1 } as const
const KEY_BYTES = 32
/** Stored as `scrypt$N$r$p$salt$hash`, salt and hash in base64url: the record says how it was made. */
export const PIN_HASH_PATTERN = /^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9_-]{16,}\$[A-Za-z0-9_-]{32,}$/

function derive(pin: string, salt: Buffer, params: ScryptOptions, bytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(pin, salt, bytes, { ...params, maxmem: 64 * 1024 * 1024 }, (err, key) => (err ? reject(err) : resolve(key))))
}

/** A salted scrypt hash of `pin`, in the stored form (what the cloud's packer record carries as pinHash). */
export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(pin, salt, PARAMS, KEY_BYTES)
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join('$')
}

/** Whether `pin` matches `stored` (constant-time compare). A stored value in another form never matches. */
export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  if (!PIN_HASH_PATTERN.test(stored)) return false
  const [, n, r, p, salt, hash] = stored.split('$') as [string, string, string, string, string, string]
  const expected = Buffer.from(hash, 'base64url')
  const key = await derive(pin, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) }, expected.length)
  return timingSafeEqual(key, expected)
}
