import type { Db } from '../db/database'
import type { CarrierExchange } from './http/carrier-http'

/**
 * Secret-looking values in JSON, XML, form/query strings and headers: the safety net behind each
 * connector's own redaction, so a password or token never reaches SQLite or a log even if a
 * connector forgot one field. Keys are matched case-insensitively (şifre/sifre, password, token…).
 */
const SECRET_KEYS =
  '(?:[\\w.-]*password[\\w.-]*|[\\w.-]*sifre[\\w.-]*|[\\w.-]*şifre[\\w.-]*|[\\w.-]*token[\\w.-]*|api[_-]?key|apikey|client[_-]?secret|x-ibm-client-secret|secret|authorization)'
const JSON_SECRET = new RegExp(`("${SECRET_KEYS}"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'gi')
const XML_SECRET = new RegExp(`(<((?:[\\w.-]+:)?${SECRET_KEYS})\\b[^>]*>)[^<]*(</\\2>)`, 'gi')
const QUERY_SECRET = new RegExp(`([?&]${SECRET_KEYS}=)[^&#\\s"]*`, 'gi')
const HEADER_SECRET = /^((?:authorization|apikey|x-auth-token|x-ibm-client-secret)\s*:\s*).*$/gim

export function redactSecrets(text: string): string {
  return text
    .replace(JSON_SECRET, '$1"[redacted]"')
    .replace(XML_SECRET, '$1[redacted]$3')
    .replace(QUERY_SECRET, '$1[redacted]')
    .replace(HEADER_SECRET, '$1[redacted]')
}

export type StoredExchange = CarrierExchange & Readonly<{ id: number }>

export type ExchangeStoreOptions = Readonly<{
  /** Rows older than this are deleted. Default 14 days. */
  retentionMs?: number
  /** Request/response text beyond this is cut (labels can be large). Default 64 KiB. */
  maxTextChars?: number
  now?: () => number
}>

/**
 * Raw carrier requests and responses for support, secrets redacted before insert, kept
 * for a fortnight. Writes never block or fail a carrier call: a failed insert is counted, not thrown.
 */
export class CarrierExchangeStore {
  private writes = 0
  failedWrites = 0

  constructor(
    private readonly db: Db,
    private readonly options: ExchangeStoreOptions = {},
  ) {}

  /** The hook to pass as a connector's `onExchange`. */
  readonly record = (e: CarrierExchange): void => {
    void this.insert(e).catch(() => {
      this.failedWrites++ // support data only: a full disk must not stop packing
    })
  }

  async insert(e: CarrierExchange): Promise<void> {
    const max = this.options.maxTextChars ?? 65_536
    const cut = (t: string) => (t.length > max ? `${t.slice(0, max)}…[${t.length - max} more chars]` : t)
    await this.db
      .insertInto('carrier_exchanges')
      .values({
        carrier_id: e.carrierId,
        operation: e.operation,
        method: e.method,
        url: redactSecrets(e.url),
        request: cut(redactSecrets(e.request)),
        http_status: e.httpStatus,
        response: e.response === null ? null : cut(redactSecrets(e.response)),
        duration_ms: e.durationMs,
        error_code: e.errorCode,
        at: e.at,
      })
      .execute()
    if (++this.writes % 500 === 0) await this.prune()
  }

  async prune(): Promise<number> {
    const cutoff = new Date((this.options.now ?? Date.now)() - (this.options.retentionMs ?? 14 * 86_400_000)).toISOString()
    const r = await this.db.deleteFrom('carrier_exchanges').where('at', '<', cutoff).executeTakeFirst()
    return Number(r.numDeletedRows)
  }

  /** Newest first, for the support screen and `station exchanges`. */
  async list(options: { carrierId?: string; limit?: number } = {}): Promise<StoredExchange[]> {
    let q = this.db
      .selectFrom('carrier_exchanges')
      .selectAll()
      .orderBy('id', 'desc')
      .limit(options.limit ?? 50)
    if (options.carrierId) q = q.where('carrier_id', '=', options.carrierId)
    const rows = await q.execute()
    return rows.map((r) => ({
      id: r.id,
      carrierId: r.carrier_id,
      operation: r.operation,
      method: r.method,
      url: r.url,
      request: r.request,
      httpStatus: r.http_status,
      response: r.response,
      durationMs: r.duration_ms,
      errorCode: r.error_code as CarrierExchange['errorCode'],
      at: r.at,
    }))
  }
}
