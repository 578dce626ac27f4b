/**
 * Carriers as plugins: a tenth, fictitious carrier (tests/fixtures/carriers/fictive/) needs only its
 * folder. Added to a copy of the registry's list, it is in the station.json schema (its section
 * validated, an unknown key in it refused), `station ship --carrier fictive` reaches it with the
 * generic credential flags or the environment, and the docs table has its row. The registry's own
 * list (global state) is not touched.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest'
import { carrierFlagsUsage, connectorFromFlags, requireCarrier } from '../../electron/cli/carrier-flags'
import { shipCommandFor } from '../../electron/cli/commands/ship.command'
import { renderCapabilitiesTable } from '../../electron/core/carriers/carrier-capabilities.doc'
import { CARRIERS, createConfiguredConnectors, findCarrier } from '../../electron/core/carriers/carrier-registry'
import { StationConfigSchema, stationConfigSchemaFor } from '../../electron/core/config/config.schema'
import { findUnknownKeys } from '../../electron/core/config/config.unknown-keys'
import { fictiveCarrier } from '../fixtures/carriers/fictive/fictive.plugin'

const LIST = [...CARRIERS, fictiveCarrier] as const
const schema = stationConfigSchemaFor(LIST)

type Received = Readonly<{ authorization: string | undefined; idempotencyKey: string | undefined; body: Record<string, unknown> }>
let server: Server
let origin = ''
let dir = ''
const received: Received[] = []

const readBody = async (req: IncomingMessage): Promise<string> => {
  let text = ''
  for await (const chunk of req) text += String(chunk)
  return text
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kj-fictive-'))
  server = createServer((req, res) => {
    void readBody(req).then((text) => {
      if (req.method !== 'POST' || req.url !== '/shipments') return void res.writeHead(404).end()
      if (req.headers.authorization !== 'Bearer fictive-secret') return void res.writeHead(401, { 'content-type': 'application/json' }).end('{}')
      const idempotencyKey = req.headers['idempotency-key'] as string | undefined
      received.push({ authorization: req.headers.authorization, idempotencyKey, body: JSON.parse(text) as Record<string, unknown> })
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `FK-${received.length}`, barcode: `FK00000${received.length}` }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
  await rm(dir, { recursive: true, force: true })
})

const order = {
  orderNumber: 'SIP-FK-1',
  sender: { name: 'KargoJet Depo', address: 'Samandıra Cd. 12', district: 'Sancaktepe', city: 'İstanbul', postalCode: '34885', phone: '02165550000' },
  recipient: { name: 'Ayşe Yıldız', address: 'Moda Cd. No:18 D:2', district: 'Kadıköy', city: 'İstanbul', postalCode: '34710', phone: '+905321112233' },
  packages: [{ lengthCm: 30, widthCm: 20, heightCm: 15, weightKg: 1.2 }],
}

const capture = () => {
  const out = { stdout: '', stderr: '' }
  return { out, io: { stdout: (t: string) => void (out.stdout += t), stderr: (t: string) => void (out.stderr += t) } }
}

describe('the config schema built from a list with a tenth carrier', () => {
  it('takes its section, fills its defaults and types it', () => {
    const config = schema.parse({ carriers: { fictive: { enabled: true, origin, token: 'fictive-secret' } } })
    expect(config.carriers.fictive).toEqual({ enabled: true, origin, token: 'fictive-secret', depot: 'IST', timeoutMs: 5000 })
    expectTypeOf(config.carriers.fictive.depot).toEqualTypeOf<string>()
    // Off until configured, like every carrier but the default one.
    expect(schema.parse({}).carriers.fictive.enabled).toBe(false)
  })

  it('validates it with its own schema', () => {
    const bad = schema.safeParse({ carriers: { fictive: { depot: 'ist', timeoutMs: -1 } } })
    expect(bad.success).toBe(false)
    expect(bad.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['carriers.fictive.depot', 'carriers.fictive.timeoutMs'])
  })

  it('the strict unknown-key walk sees its settings: an unknown key inside it is refused, with the near miss', () => {
    expect(findUnknownKeys(schema, { carriers: { fictive: { tokn: 'x', depot: 'ANK' } } })).toEqual([
      { path: 'carriers.fictive.tokn', suggestion: 'carriers.fictive.token' },
    ])
    expect(findUnknownKeys(schema, { carriers: { fictive: { token: 'x' }, ptt: { credentials: { customerId: 1, password: 'p', usrname: 'u' } } } })).toEqual([
      { path: 'carriers.ptt.credentials.usrname', suggestion: 'carriers.ptt.credentials.username' },
    ])
  })

  it('leaves the registry alone: the station schema does not know it, and every other section is what it was', () => {
    expect(findUnknownKeys(StationConfigSchema, { carriers: { fictive: {} } })).toEqual([{ path: 'carriers.fictive', suggestion: null }])
    const { fictive: _added, ...rest } = schema.parse({}).carriers
    expect(rest).toEqual(StationConfigSchema.parse({}).carriers)
    // The carriers' sections in list order, then the desk's own carrier settings.
    const keys = Object.keys(StationConfigSchema.parse({}).carriers)
    expect(Object.keys(schema.parse({}).carriers)).toEqual([...keys.slice(0, CARRIERS.length), 'fictive', ...keys.slice(CARRIERS.length)])
    expect(findCarrier('fictive')).toBeUndefined()
    expect(findCarrier('fictive', LIST)).toBe(fictiveCarrier)
  })
})

describe('the registry built from that list', () => {
  it('builds the connector of an enabled section, shaped to what it declares', async () => {
    const config = schema.parse({ carriers: { fictive: { enabled: true, origin, token: 'fictive-secret' } } })
    const connectors = createConfiguredConnectors(config.carriers, {}, LIST)
    const fictive = connectors.get('fictive')
    expect(fictive?.displayName).toBe('Fictive Kargo')
    expect([...connectors.keys()]).toEqual(['comtohome', 'fictive'])
    expect(fictive && 'track' in fictive).toBe(false)
    expect(createConfiguredConnectors(schema.parse({}).carriers, {}, LIST).has('fictive')).toBe(false)
  })
})

describe('the CLI with that list', () => {
  it('`station ship --carrier fictive` sends the order with the generic flags mapped to its fields', async () => {
    const input = join(dir, 'order.json')
    await writeFile(input, JSON.stringify(order))
    const { out, io } = capture()
    const before = received.length
    const flags = ['--carrier', 'fictive', '--base-url', origin, '--api-key', 'fictive-secret', '--customer-code', 'ANK']
    const code = await shipCommandFor(LIST).run([...flags, '--input', input, '--json'], io)
    expect(out.stderr).toBe('')
    expect(code).toBe(0)
    expect(received.slice(before)).toEqual([
      {
        authorization: 'Bearer fictive-secret',
        idempotencyKey: expect.any(String),
        body: { depot: 'ANK', reference: 'SIP-FK-1', recipient: 'Ayşe Yıldız', parcels: 1 },
      },
    ])
    const printed = JSON.parse(out.stdout) as Record<string, unknown>
    // No carrier label: the desk prints its own with the carrier's barcode.
    expect(printed).toMatchObject({ trackingNumber: `FK-${received.length}`, barcode: `FK00000${received.length}`, labelFormat: 'zpl', labelSource: 'desk' })
  })

  it('takes the credentials from the environment (KARGOJET_FICTIVE_API_KEY)', async () => {
    const def = requireCarrier('fictive', LIST)
    const { connector, dispose } = await connectorFromFlags(def, { 'base-url': origin }, { KARGOJET_FICTIVE_API_KEY: 'fictive-secret' }, { maxAttempts: 1 })
    try {
      const before = received.length
      await connector.createShipment(
        { ...order, referenceNo: 'SIP-FK-2', orderNumber: 'SIP-FK-2', serviceCode: 'STD', packages: [], codAmountKurus: null, labelFormat: 'zpl' },
        { idempotencyKey: 'fk-2' },
      )
      expect(received.slice(before)).toMatchObject([{ authorization: 'Bearer fictive-secret', idempotencyKey: 'fk-2', body: { depot: 'IST' } }])
    } finally {
      await dispose()
    }
  })

  it('refuses a flag its schema refuses, and an unknown key in its --carrier-config file, before anything is sent', async () => {
    const input = join(dir, 'order.json')
    await writeFile(input, JSON.stringify(order))
    const before = received.length
    const bad = capture()
    const flags = ['--carrier', 'fictive', '--base-url', origin, '--api-key', 'fictive-secret', '--customer-code', 'ankara']
    expect(await shipCommandFor(LIST).run([...flags, '--input', input], bad.io)).toBe(2)
    expect(bad.out.stderr).toMatch(/fictive settings: depot: /)
    const file = join(dir, 'fictive.json')
    await writeFile(file, JSON.stringify({ tokn: 'fictive-secret' }))
    const unknown = capture()
    expect(await shipCommandFor(LIST).run(['--carrier', 'fictive', '--carrier-config', file, '--input', input], unknown.io)).toBe(2)
    expect(unknown.out.stderr).toContain('unknown key tokn (did you mean token?)')
    expect(received.length).toBe(before)
  })

  it("knows it in --carrier and in the help; the registry's own command does not", async () => {
    expect(() => requireCarrier('fictive')).toThrow(/not supported/)
    expect(requireCarrier('fictive', LIST)).toBe(fictiveCarrier)
    expect(carrierFlagsUsage(LIST)).toContain('Carriers: comtohome, yurtici, hepsijet, aras, mng, surat, ptt, sendeo, kolaygelsin, fictive.')
    expect(shipCommandFor(LIST).usage).toContain('fictive: --api-key = the Bearer token, --customer-code = the depot code')
  })
})

describe('the docs table built from that list', () => {
  it('has its row, before the marketplace labels', () => {
    const table = renderCapabilitiesTable(LIST)
    expect(table).toContain("| `fictive` | — | — | — | — | — | desk's list | — |")
    expect(table.indexOf('`fictive`')).toBeLessThan(table.indexOf('`marketplace`'))
    expect(renderCapabilitiesTable()).not.toContain('`fictive`')
  })
})
