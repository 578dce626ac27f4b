import { z } from 'zod'
import type { WebhookReceiverOptions } from './webhook.types'

const Signature = z.object({
  headerName: z.string().min(1),
  /** Encrypted at rest like every `secret` field (`station secrets encrypt`). */
  secret: z.string().min(1),
  encoding: z.enum(['hex', 'base64', 'either']).default('either'),
  prefix: z.string().optional(),
})

/** [KG] "WEBHOOK": Basic auth, or a hash value in a header the merchant names ("secret" here so it is encrypted at rest). */
const KolayGelsinAuth = z.discriminatedUnion('scheme', [
  z.object({ scheme: z.literal('basic'), username: z.string().min(1), password: z.string().min(1) }),
  z.object({ scheme: z.literal('hash'), secret: z.string().min(1), headerName: z.string().min(1).default('hash') }),
  z.object({ scheme: z.literal('none') }),
])

/**
 * station.json `carriers.webhooks`: the desk's receiver for carriers that push status (Kolay Gelsin's
 * webhook, Aras's push; docs/reference/carriers.md §2, §7). Off by default: a desk usually sits behind NAT, so the
 * warehouse IT exposes it (port forward or reverse proxy) only where wanted. Bound to 127.0.0.1
 * unless `host` says otherwise; Kolay Gelsin calls from 95.0.169.14 ([KG]), so `allowIps` should
 * name it (and the proxy) when the port is reachable from outside. Polling goes on either way.
 */
export const WebhooksConfigSchema = z
  .object({
    enabled: z.boolean().default(false),
    host: z.string().min(1).default('127.0.0.1'),
    port: z.number().int().min(0).max(65_535).default(8791),
    allowIps: z.array(z.string().min(1)).default([]),
    maxBodyBytes: z
      .number()
      .int()
      .positive()
      .default(256 * 1024),
    rateLimit: z.object({ limit: z.number().int().positive(), windowMs: z.number().int().positive() }).nullable().default({ limit: 120, windowMs: 60_000 }),
    /** Required on every post when set (seed 003: unsigned webhooks refused; for a relay that signs what it forwards). */
    signature: Signature.optional(),
    kolaygelsin: z.object({ auth: KolayGelsinAuth }).nullable().default(null),
    aras: z
      .object({ username: z.string().min(1), password: z.string().min(1) })
      .nullable()
      .default(null),
  })
  .prefault({})
export type WebhooksConfig = z.output<typeof WebhooksConfigSchema>

/** The receiver's options from the configuration (the events callback and log are the station's). */
export function webhookReceiverOptions(c: WebhooksConfig, hooks: Pick<WebhookReceiverOptions, 'onEvents' | 'onLog'>): WebhookReceiverOptions {
  const signature = c.signature
  const kgAuth = c.kolaygelsin?.auth
  return {
    host: c.host,
    port: c.port,
    allowIps: c.allowIps,
    maxBodyBytes: c.maxBodyBytes,
    rateLimit: c.rateLimit,
    kolaygelsin: kgAuth
      ? { auth: kgAuth.scheme === 'hash' ? { scheme: 'hash', value: kgAuth.secret, headerName: kgAuth.headerName } : kgAuth, signature }
      : null,
    aras: c.aras ? { auth: { username: c.aras.username, password: c.aras.password }, signature } : null,
    ...hooks,
  }
}
