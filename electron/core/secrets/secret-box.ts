import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { AppError, ErrorCode } from '../../../shared/errors'

/**
 * Encrypts carrier and cloud credentials at rest (credentials are never kept in plain text).
 * The Electron shell hands the core a box backed by safeStorage (DPAPI / Keychain / libsecret);
 * the headless server and the CLI use the file box below: AES-256-GCM with a random key in the
 * data folder's `secret.key` (mode 0600), so a copied station.json or SQLite file alone reveals
 * nothing. Tokens carry their scheme, so either box can tell its own from a foreign one.
 */
export interface SecretBox {
  /** Scheme prefix of this box's tokens, e.g. "enc:v1:". */
  readonly prefix: string
  encrypt(plain: string): string
  decrypt(token: string): string
}

export const SECRET_PREFIX = 'enc:'
export const FILE_BOX_PREFIX = 'enc:v1:'
export const KEY_FILE = 'secret.key'

export function isEncrypted(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(SECRET_PREFIX)
}

function loadOrCreateKey(path: string): Buffer {
  if (existsSync(path)) {
    const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64')
    if (key.length !== 32) throw new AppError(ErrorCode.inputInvalid, `${path} is not a KargoJet secret key (expected 32 bytes, base64)`)
    return key
  }
  mkdirSync(dirname(path), { recursive: true })
  const key = randomBytes(32)
  writeFileSync(path, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' })
  chmodSync(path, 0o600) // umask may have widened it
  return key
}

/** The file-key box for `dataDir`; the key is created on first encrypt, never on decrypt. */
export function createFileSecretBox(dataDir: string): SecretBox {
  const path = join(dataDir, KEY_FILE)
  let key: Buffer | null = null
  const getKey = (create: boolean): Buffer => {
    if (key) return key
    if (!create && !existsSync(path)) {
      throw new AppError(
        ErrorCode.inputInvalid,
        `an encrypted credential needs ${path}, which is missing (was station.json copied from another desk?); enter the credential again`,
      )
    }
    key = loadOrCreateKey(path)
    return key
  }
  return {
    prefix: FILE_BOX_PREFIX,
    encrypt(plain) {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', getKey(true), iv)
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      return FILE_BOX_PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')
    },
    decrypt(token) {
      if (!token.startsWith(FILE_BOX_PREFIX))
        throw new AppError(ErrorCode.inputInvalid, 'this credential was encrypted by another key store (e.g. the desktop app): enter it again here')
      const raw = Buffer.from(token.slice(FILE_BOX_PREFIX.length), 'base64')
      if (raw.length < 29) throw new AppError(ErrorCode.inputInvalid, 'an encrypted credential is cut short')
      try {
        const decipher = createDecipheriv('aes-256-gcm', getKey(false), raw.subarray(0, 12))
        decipher.setAuthTag(raw.subarray(12, 28))
        return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')
      } catch (err) {
        if (err instanceof AppError) throw err
        throw new AppError(ErrorCode.inputInvalid, `an encrypted credential does not open with ${path} (another desk's key?); enter it again`, { cause: err })
      }
    },
  }
}

/** Field names that hold credentials anywhere in the configuration. */
const SECRET_FIELD = /^(apiKey|password|wsPassword|secret|clientSecret|token|webPassword|sifre|cariSifre|webServisSifresi)$/i

export function isSecretField(name: string): boolean {
  return SECRET_FIELD.test(name)
}

type Json = unknown

/** Every secret field's string value encrypted (already-encrypted ones left as they are). */
export function encryptSecrets(value: Json, box: SecretBox): { value: Json; count: number } {
  let count = 0
  const walk = (v: Json, key: string | null): Json => {
    if (Array.isArray(v)) return v.map((x) => walk(x, null))
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]))
    if (key !== null && isSecretField(key) && typeof v === 'string' && !isEncrypted(v) && v !== '') {
      count++
      return box.encrypt(v)
    }
    return v
  }
  return { value: walk(value, null), count }
}

/** Every `enc:` string decrypted; a failure names the field. */
export function decryptSecrets(value: Json, box: () => SecretBox): Json {
  const walk = (v: Json, path: string): Json => {
    if (Array.isArray(v)) return v.map((x, i) => walk(x, `${path}[${i}]`))
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, path ? `${path}.${k}` : k)]))
    if (isEncrypted(v)) {
      try {
        return box().decrypt(v)
      } catch (err) {
        throw new AppError(ErrorCode.inputInvalid, `${path}: ${(err as Error).message}`, { cause: err, meta: { field: path } })
      }
    }
    return v
  }
  return walk(value, '')
}
