import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ErrorCode } from '../../../shared/errors'
import type { CarrierConnector } from './carrier.port'
import { CARRIER_CAPABILITIES, capabilitiesOf, carriersThat, shapeConnector } from './carrier-capabilities'
import { renderCapabilitiesTable, withCapabilitiesTable } from './carrier-capabilities.doc'
import { CARRIERS } from './carrier-registry'

describe('the capabilities declaration', () => {
  it('every carrier of the registry carries its own declaration, and every declared carrier is known', () => {
    for (const def of CARRIERS) expect(def.capabilities, def.id).toBe(capabilitiesOf(def.id))
    expect(Object.keys(CARRIER_CAPABILITIES).sort()).toEqual([...CARRIERS.map((c) => c.id), 'marketplace'].sort())
  })

  it('says what the docs said: offline labels only for Yurtiçi, Aras and PTT (not Sendeo, not Kolay Gelsin)', () => {
    expect(carriersThat((c) => c.offlineLabels)).toEqual(['yurtici', 'aras', 'ptt'])
    expect(carriersThat((c) => c.returns !== null)).toEqual(['yurtici', 'surat', 'sendeo'])
    expect(carriersThat((c) => c.batchTracking)).toEqual(['hepsijet', 'kolaygelsin'])
    expect(carriersThat((c) => c.batchTracking && !c.tracking)).toEqual([])
  })

  it('an undeclared carrier (a test double) can do nothing beyond createShipment', () => {
    const nobody = capabilitiesOf('nobody')
    const unused = async () => Promise.reject(new Error('unused'))
    const everything = {
      id: 'nobody',
      displayName: 'N',
      createShipment: unused,
      planOfflineLabel: () => {
        throw new Error('unused')
      },
      createReturn: unused,
      cancelShipment: unused,
      track: unused,
      trackMany: unused,
    } satisfies CarrierConnector
    expect(Object.keys(shapeConnector(everything, nobody)).sort()).toEqual(['createShipment', 'displayName', 'id'])
    expect([nobody.pickup, nobody.manifest, nobody.pushes, nobody.pieces]).toEqual([null, null, null, 1])
  })
})

describe('shapeConnector', () => {
  const base = { id: 'sendeo', displayName: 'S', createShipment: async () => Promise.reject(new Error('unused')) }

  it('removes what the declaration leaves out and keeps the rest, bound to the connector', async () => {
    const c = {
      ...base,
      secret: 'k',
      planOfflineLabel: () => {
        throw new Error('must not be offered')
      },
      createReturn: async () => Promise.reject(new Error('unused')),
      cancelShipment: async () => undefined,
      track: async function (this: { secret: string }) {
        return [{ status: null, rawCode: this.secret, rawText: '', at: '', location: null }]
      },
    } satisfies CarrierConnector & { secret: string }
    const shaped = shapeConnector(c as CarrierConnector, CARRIER_CAPABILITIES.sendeo)
    expect('planOfflineLabel' in shaped).toBe(false)
    expect(typeof shaped.createReturn).toBe('function')
    expect((await shaped.track!('x'))[0]?.rawCode).toBe('k')
  })

  it('a declared capability whose method is missing is refused when the connector is built', () => {
    expect(() => shapeConnector(base, CARRIER_CAPABILITIES.yurtici)).toThrow(
      expect.objectContaining({ code: ErrorCode.wrongState, message: expect.stringMatching(/planOfflineLabel/) }),
    )
  })

  it("keeps a class connector's prototype methods", () => {
    class Yk {
      readonly id = 'hepsijet'
      readonly displayName = 'H'
      private n = 0
      async createShipment(): Promise<never> {
        throw new Error('unused')
      }
      async cancelShipment() {
        this.n++
      }
      async track() {
        return []
      }
      async trackMany() {
        return new Map([['n', [{ status: null, rawCode: String(this.n), rawText: '', at: '', location: null }]]])
      }
    }
    const shaped = shapeConnector(new Yk() as CarrierConnector, CARRIER_CAPABILITIES.hepsijet)
    return shaped.cancelShipment!('a').then(async () => expect((await shaped.trackMany!([])).get('n')?.[0]?.rawCode).toBe('1'))
  })
})

describe('docs/carriers.md', () => {
  it('carries the table generated from the declaration (npx tsx scripts/carrier-capabilities-doc.ts rewrites it)', () => {
    const doc = readFileSync(new URL('../../../docs/carriers.md', import.meta.url), 'utf8')
    expect(doc).toContain(renderCapabilitiesTable())
    expect(withCapabilitiesTable(doc)).toBe(doc)
  })

  it('a row per declared carrier', () => {
    const table = renderCapabilitiesTable()
    for (const id of Object.keys(CARRIER_CAPABILITIES)) expect(table).toContain(`| \`${id}\` |`)
    expect(table).toMatch(/\| `kolaygelsin` \| — \|/)
  })
})
