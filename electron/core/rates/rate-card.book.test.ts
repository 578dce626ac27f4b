import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { noticeBilingual } from '../../../shared/i18n/notice-text'
import { selectCarrier, type RateCard } from '../../../shared/rates'
import { ownCard } from '../../../tests/support/rate-cards'
import { openDatabase, type OpenedDatabase } from '../db/database'
import { setSetting } from '../settings/settings.repository'
import { DEFAULT_RATE_CARDS } from './default-rate-cards'
import { CLOUD_RATES_KEY, RateCardBook, storeCloudRates, type RateCardBookDeps } from './rate-card.book'

const card = (carrierId: string, serviceCode: string, priceKurus = 5000): RateCard =>
  ownCard({ carrierId, serviceCode, name: `${carrierId} ${serviceCode}`, supportsCod: true, bands: [{ upToKg: 30, priceKurus }] }) as RateCard

const CLOUD_CARDS = [card('comtohome', 'provider:1', 7000), card('comtohome', 'provider:5', 6000), card('yurtici', 'GO', 6500)]
const COMTOHOME = { id: 'comtohome', name: 'ComToHome', enabled: true, services: [{ serviceCode: 'provider:1', name: 'Yurtiçi' }] }

let dir: string
let opened: OpenedDatabase
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kj-rates-'))
  opened = await openDatabase(join(dir, 'station.sqlite3'))
})
afterEach(async () => {
  await opened.close()
  rmSync(dir, { recursive: true, force: true })
})

const book = (over: Partial<RateCardBookDeps> = {}) =>
  new RateCardBook({ db: opened.db, configCards: undefined, builtin: DEFAULT_RATE_CARDS, connectorIds: () => ['comtohome', 'yurtici'], ...over })

describe('RateCardBook: where prices come from', () => {
  it('takes the cloud cards over station.json over the built-in ones, and keeps the cloud cards across a restart', async () => {
    const fresh = book()
    await fresh.reload()
    expect(fresh.view()).toMatchObject({ source: 'builtin', count: DEFAULT_RATE_CARDS.length, receivedAt: null })
    const configured = book({ configCards: [card('yurtici', 'GO')] })
    await configured.reload()
    expect(configured.source()).toBe('config')
    expect(configured.cards().map((c) => c.serviceCode)).toEqual(['GO'])

    expect(await storeCloudRates(opened.db, { rateCards: CLOUD_CARDS, carriers: [COMTOHOME], configVersion: 3 })).toBe('stored')
    const changes: string[] = []
    configured.onDidChange((source) => changes.push(source))
    await configured.reload()
    expect(changes).toEqual(['cloud'])
    expect(configured.cards()).toEqual(CLOUD_CARDS)
    expect(configured.view().receivedAt).toMatch(/^\d{4}-/)

    // A restart while the cloud is unreachable: a new book on the same database still prices with the cloud's cards.
    await opened.close()
    opened = await openDatabase(join(dir, 'station.sqlite3'))
    const restarted = book({ configCards: [card('yurtici', 'GO')] })
    await restarted.reload()
    expect(restarted.source()).toBe('cloud')
    expect(restarted.cards()).toEqual(CLOUD_CARDS)
  })

  it('leaves the cards alone when the cloud sends none, falls back on an empty list, and refuses a bad list with an audit entry', async () => {
    const b = book({ configCards: [card('yurtici', 'GO')] })
    await storeCloudRates(opened.db, { rateCards: CLOUD_CARDS })
    expect(await storeCloudRates(opened.db, { configVersion: 4 })).toBe('absent')
    await b.reload()
    expect(b.source()).toBe('cloud')

    for (const bad of [[{ ...CLOUD_CARDS[0], bands: [] }], [{ ...CLOUD_CARDS[0], bands: [{ upToKg: 1, priceKurus: 12.5 }] }], 'cards', [null]]) {
      expect(await storeCloudRates(opened.db, { rateCards: bad })).toBe('refused')
    }
    await b.reload()
    expect(b.cards()).toEqual(CLOUD_CARDS)
    const audits = await opened.db.selectFrom('audit_log').select(['action', 'detail_json']).where('action', '=', 'rates.cloudRefused').execute()
    expect(audits).toHaveLength(4)
    expect(JSON.parse(audits[0]!.detail_json)).toMatchObject({ path: expect.stringMatching(/^rateCards\.0\.bands/) })

    expect(await storeCloudRates(opened.db, { rateCards: [] })).toBe('stored')
    await b.reload()
    expect(b.source()).toBe('config')
  })

  it('ignores a damaged stored record instead of failing the start', async () => {
    await setSetting(opened.db, CLOUD_RATES_KEY, { cards: 'not cards' })
    const b = book()
    await b.reload()
    expect(b.source()).toBe('builtin')
  })
})

describe('RateCardBook: cards the desk cannot buy', () => {
  it.each<[string, Partial<RateCardBookDeps>, boolean, RateCard, RegExp | null]>([
    ['a configured carrier', {}, false, card('yurtici', 'GO'), null],
    ['a carrier with no connector', {}, false, card('aras', 'GO'), /aras bu masada yapılandırılmamış \/ carrier aras is not configured at this desk/],
    ['a ComToHome provider the cloud lists for the account', {}, true, card('comtohome', 'provider:1'), null],
    [
      'a ComToHome provider the cloud does not list',
      {},
      true,
      card('comtohome', 'provider:5'),
      /ComToHome hesabında provider:5 hizmeti yok \/ the ComToHome account has no service provider:5/,
    ],
    [
      'a provider outside station.json carriers.comtohome.providers',
      { comtohomeProviders: [1, 2, 3, 4] },
      false,
      card('comtohome', 'provider:5'),
      /ComToHome hesabında 5 numaralı sağlayıcı yok \/ the ComToHome account has no provider 5/,
    ],
    ['a bare provider id outside the list', { comtohomeProviders: [1] }, false, card('comtohome', '7'), /no provider 7/],
    ['a preference code (the aggregator picks among the account’s own)', { comtohomeProviders: [1] }, false, card('comtohome', 'preference:1'), null],
  ])('%s', async (_name, deps, withCloudCarriers, c, reason) => {
    if (withCloudCarriers) await storeCloudRates(opened.db, { rateCards: CLOUD_CARDS, carriers: [COMTOHOME] })
    const b = book(deps)
    await b.reload()
    const got = b.unavailable(c)
    // A notice code with its params: worded here as the CLI does, in both languages.
    if (reason) expect(got && noticeBilingual(got)).toMatch(reason)
    else expect(got).toBeNull()
  })

  it('leaves out every card of a carrier the cloud has disabled', async () => {
    await storeCloudRates(opened.db, { rateCards: CLOUD_CARDS, carriers: [{ ...COMTOHOME, enabled: false }] })
    const b = book()
    await b.reload()
    expect(b.unavailable(CLOUD_CARDS[0]!)).toEqual({ code: 'rates.disabledInCloud', params: { name: 'ComToHome' } })
    // The comparison carries the code beside its text, so the renderer words it in the operator's language.
    const excluded = selectCarrier(CLOUD_CARDS, { chargeableKg: 1, cod: false, mandatedCarrierId: null }, b.rules({})).options[0]
    expect(excluded).toMatchObject({
      eligible: false,
      reasonNotice: { code: 'rates.disabledInCloud' },
      reason: 'ComToHome bulutta kapalı / ComToHome is disabled in the cloud',
    })
    expect(b.view()).toMatchObject({ source: 'cloud', count: 3, available: 1 })
  })
})
