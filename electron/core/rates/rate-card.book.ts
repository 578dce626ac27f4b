import { z } from 'zod'
import { CloudCarrier, CloudConfig, CloudRateCard } from '../../../shared/contract/cloud'
import type { RateCardsView } from '../../../shared/contract/views'
import { Emitter } from '../../../shared/emitter'
import { msg, type NoticeRef } from '../../../shared/i18n/notice-codes'
import type { RateCard, SelectionRules } from '../../../shared/rates'
import { appendAudit } from '../audit/audit.repository'
import type { Db, DbOrTrx } from '../db/database'
import { getSetting, setSetting } from '../settings/settings.repository'

/** Settings key of the cloud's last rate cards and carrier list (so they survive a restart while offline). */
export const CLOUD_RATES_KEY = 'rates.cloud'

export const RateCardSource = { cloud: 'cloud', config: 'config', builtin: 'builtin' } as const
export type RateCardSource = (typeof RateCardSource)[keyof typeof RateCardSource]

/** What the cloud sent last in GET /api/v1/station/config, as stored. */
const StoredCloudRates = z.object({
  cards: z.array(CloudRateCard),
  /** The cloud's carriers and their services (a ComToHome account's providers); null when it sent none. */
  carriers: z.array(CloudCarrier).nullable(),
  configVersion: z.number().int().nullable(),
  receivedAt: z.string(),
})
type StoredCloudRates = z.infer<typeof StoredCloudRates>

/**
 * The config answer as the sync loop reads it: packers and boxes as before (CloudConfig), plus the
 * rate-card part kept raw, so a bad card list cannot stop packers, boxes and orders from syncing.
 */
export const CloudConfigWithRates = CloudConfig.extend({
  data: CloudConfig.shape.data.extend({ rateCards: z.unknown().optional(), carriers: z.unknown().optional(), configVersion: z.unknown().optional() }),
})

const CloudRatesPart = z.object({
  rateCards: z.array(CloudRateCard),
  carriers: z.array(CloudCarrier).optional(),
  configVersion: z.number().int().min(0).optional(),
})

/**
 * Stores the rate cards of a cloud config answer in the caller's transaction. No `rateCards` field:
 * this cloud sends no cards and nothing changes. An invalid list is refused (the cards stored before
 * stay) and written to the audit log with the first problem; an empty list means "no cloud cards".
 */
export async function storeCloudRates(
  trx: DbOrTrx,
  data: Readonly<{ rateCards?: unknown; carriers?: unknown; configVersion?: unknown }>,
): Promise<'stored' | 'absent' | 'refused'> {
  if (data.rateCards === undefined) return 'absent'
  const parsed = CloudRatesPart.safeParse(data)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    await appendAudit(trx, {
      actorId: null,
      action: 'rates.cloudRefused',
      orderId: null,
      detail: { path: issue?.path.join('.') ?? '', message: issue?.message ?? 'invalid' },
    })
    return 'refused'
  }
  const stored: StoredCloudRates = {
    cards: parsed.data.rateCards,
    carriers: parsed.data.carriers ?? null,
    configVersion: parsed.data.configVersion ?? null,
    receivedAt: new Date().toISOString(),
  }
  await setSetting(trx, CLOUD_RATES_KEY, stored)
  return 'stored'
}

export type RateCardBookDeps = Readonly<{
  db: Db
  /** station.json `rateCards`, when set. */
  configCards: readonly RateCard[] | undefined
  builtin: readonly RateCard[]
  /** Carriers this desk has a connector for (configured and enabled). */
  connectorIds: () => Iterable<string>
  /** station.json `carriers.comtohome.providers`: the providers the ComToHome account has, when known. */
  comtohomeProviders?: readonly number[]
}>

const COMTOHOME_PROVIDER = /^(?:provider:)?(\d+)$/

/**
 * The rate cards the desk prices with, and which of them it can buy. Precedence: the cloud's cards
 * (persisted, so they survive an offline restart) > station.json `rateCards` > the built-in demo
 * cards. A card whose carrier has no configured connector, that the cloud lists as disabled or
 * without that service, or that names a ComToHome provider the account does not have, stays in the
 * comparison with its reason and is never chosen (docs/carriers.md "Where prices come from").
 */
export class RateCardBook {
  private cloud: StoredCloudRates | null = null
  private readonly changed = new Emitter<RateCardSource>()
  /** Fires when the active cards change (a new cloud list, or the first one after a restart). */
  readonly onDidChange = this.changed.event

  constructor(private readonly deps: RateCardBookDeps) {}

  /** Reads the stored cloud cards; call at start and after each sync round. A damaged record is ignored. */
  async reload(): Promise<void> {
    const raw = await getSetting<unknown>(this.deps.db, CLOUD_RATES_KEY)
    const parsed = raw === null ? null : StoredCloudRates.safeParse(raw)
    const next = parsed?.success ? parsed.data : null
    if (JSON.stringify(next) === JSON.stringify(this.cloud)) return
    this.cloud = next
    // Only the source: the availability check may need connectors the composition root builds later.
    this.changed.fire(this.source())
  }

  source(): RateCardSource {
    if (this.cloud && this.cloud.cards.length > 0) return RateCardSource.cloud
    return this.deps.configCards ? RateCardSource.config : RateCardSource.builtin
  }

  cards(): readonly RateCard[] {
    const source = this.source()
    if (source === RateCardSource.cloud) return this.cloud!.cards
    return source === RateCardSource.config ? this.deps.configCards! : this.deps.builtin
  }

  view(): RateCardsView {
    const cards = this.cards()
    return {
      source: this.source(),
      count: cards.length,
      available: cards.filter((c) => this.unavailable(c) === null).length,
      receivedAt: this.source() === RateCardSource.cloud ? this.cloud!.receivedAt : null,
    }
  }

  /** Why the desk cannot buy this card, as a notice code, or null (SelectionRules.unavailable). */
  readonly unavailable = (card: RateCard): NoticeRef | null => {
    const ids = new Set(this.deps.connectorIds())
    if (!ids.has(card.carrierId)) return msg('rates.notConfigured', { carrierId: card.carrierId })
    const listed = this.cloud?.carriers?.find((c) => c.id === card.carrierId)
    if (listed && !listed.enabled) return msg('rates.disabledInCloud', { name: listed.name })
    if (listed && listed.services.length > 0 && !listed.services.some((s) => s.serviceCode === card.serviceCode)) {
      return msg('rates.noService', { name: listed.name, serviceCode: card.serviceCode })
    }
    const provider = card.carrierId === 'comtohome' ? COMTOHOME_PROVIDER.exec(card.serviceCode) : null
    if (provider && this.deps.comtohomeProviders && !this.deps.comtohomeProviders.includes(Number(provider[1]))) {
      return msg('rates.noProvider', { provider: provider[1] ?? '' })
    }
    return null
  }

  /** The selection rules with this book's availability check added. */
  rules(base: SelectionRules): SelectionRules {
    return { ...base, unavailable: this.unavailable }
  }

  dispose(): void {
    this.changed.dispose()
  }
}
