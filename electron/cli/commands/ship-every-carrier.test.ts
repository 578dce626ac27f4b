import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_QUERY_USERS } from '../../../sandbox/aras/aras.config'
import { startArasEmulator } from '../../../sandbox/aras/aras.emulator'
import { startHepsiJetEmulator } from '../../../sandbox/hepsijet/hepsijet.emulator'
import { SAMPLE_HEPSIJET_SETTINGS } from '../../../sandbox/hepsijet/hepsijet.fixtures'
import { startKolayGelsinEmulator } from '../../../sandbox/kolaygelsin/kolaygelsin.emulator'
import { SAMPLE_KOLAYGELSIN_SETTINGS } from '../../../sandbox/kolaygelsin/kolaygelsin.fixtures'
import { startMngEmulator } from '../../../sandbox/mng/mng.emulator'
import { SAMPLE_MNG_CREDENTIALS } from '../../../sandbox/mng/mng.fixtures'
import { startPttEmulator } from '../../../sandbox/ptt/ptt.emulator'
import { SAMPLE_PTT_CREDENTIALS, SAMPLE_PTT_RANGE } from '../../../sandbox/ptt/ptt.fixtures'
import { startSendeoEmulator } from '../../../sandbox/sendeo/sendeo.emulator'
import { SAMPLE_SENDEO_SETTINGS } from '../../../sandbox/sendeo/sendeo.fixtures'
import { startSuratEmulator } from '../../../sandbox/surat/surat.emulator'
import { runCli } from '../../../tests/support/cli-run'
import { tempDirForFile } from '../../../tests/support/temp-dir'

const dir = tempDirForFile('kj-ship-all-')

const cli = runCli

// Places every emulator knows (Sendeo's sample table included).
const order = {
  orderNumber: 'SIP-CLI-1',
  sender: { name: 'KargoJet Depo', address: 'Samandıra Cd. 12', district: 'Sancaktepe', city: 'İstanbul', postalCode: '34885', phone: '02165550000' },
  recipient: { name: 'Ayşe Yıldız', address: 'Moda Cd. No:18 D:2', district: 'Kadıköy', city: 'İstanbul', postalCode: '34710', phone: '+905321112233' },
  packages: [{ lengthCm: 30, widthCm: 20, heightCm: 15, weightKg: 1.2 }],
}

type Case = Readonly<{ id: string; start(): Promise<{ args: string[]; count(): number; close(): Promise<void> }>; serviceCode?: string }>

/** A case's emulator, driven with these CLI flags: the shipments it stored, and close. */
const running = (e: Readonly<{ shipments: readonly unknown[]; close(): Promise<void> }>, args: string[]) => ({
  args,
  count: () => e.shipments.length,
  close: () => e.close(),
})

/** `station ship` / `station track` for every connector, with the generic credential flags or a --carrier-config file. */
const CASES: readonly Case[] = [
  {
    id: 'aras',
    serviceCode: 'GO',
    start: async () => {
      const e = await startArasEmulator()
      const q = DEFAULT_QUERY_USERS[0]!
      return running(e, ['--base-url', e.origin, '--username', q.username, '--password', q.password, '--customer-code', q.customerCode])
    },
  },
  {
    id: 'mng',
    start: async () => {
      const e = await startMngEmulator()
      const c = SAMPLE_MNG_CREDENTIALS
      return running(e, [
        '--base-url',
        e.origin,
        '--username',
        c.clientId,
        '--api-key',
        c.clientSecret,
        '--customer-code',
        c.customerNumber,
        '--password',
        c.password,
      ])
    },
  },
  {
    id: 'hepsijet',
    start: async () => {
      const e = await startHepsiJetEmulator()
      const file = join(dir(), 'hepsijet.json')
      await writeFile(file, JSON.stringify({ ...SAMPLE_HEPSIJET_SETTINGS, origin: e.origin }))
      return running(e, ['--carrier-config', file])
    },
  },
  {
    id: 'ptt',
    start: async () => {
      const e = await startPttEmulator()
      const file = join(dir(), 'ptt.json')
      await writeFile(file, JSON.stringify({ barcodeRange: SAMPLE_PTT_RANGE }))
      return running(e, [
        '--base-url',
        e.origin,
        '--customer-code',
        String(SAMPLE_PTT_CREDENTIALS.customerId),
        '--password',
        SAMPLE_PTT_CREDENTIALS.password,
        '--carrier-config',
        file,
        '--data',
        join(dir(), 'ptt-data'),
      ])
    },
  },
  {
    id: 'surat',
    start: async () => {
      const e = await startSuratEmulator()
      return running(e, ['--base-url', e.origin, '--customer-code', '1038106246', '--password', '123456', '--api-key', '123456.Ff'])
    },
  },
  {
    id: 'sendeo',
    start: async () => {
      const e = await startSendeoEmulator()
      return running(e, ['--base-url', e.origin, '--username', SAMPLE_SENDEO_SETTINGS.username, '--password', SAMPLE_SENDEO_SETTINGS.password])
    },
  },
  {
    id: 'kolaygelsin',
    start: async () => {
      const e = await startKolayGelsinEmulator()
      const file = join(dir(), 'kg.json')
      await writeFile(file, JSON.stringify({ addressId: SAMPLE_KOLAYGELSIN_SETTINGS.addressId }))
      return running(e, [
        '--base-url',
        e.origin,
        '--api-key',
        SAMPLE_KOLAYGELSIN_SETTINGS.token,
        '--customer-code',
        String(SAMPLE_KOLAYGELSIN_SETTINGS.customerId),
        '--carrier-config',
        file,
      ])
    },
  },
]

describe.each(CASES)('station ship / track --carrier $id', (c) => {
  it('ships once per order file with a ZPL or PDF label, and tracks the shipment', async () => {
    const emu = await c.start()
    try {
      const file = join(dir(), `${c.id}-order.json`)
      await writeFile(file, JSON.stringify({ ...order, ...(c.serviceCode ? { serviceCode: c.serviceCode } : {}) }))
      const ship = ['ship', '--carrier', c.id, ...emu.args, '--input', file, '--json']
      const first = await cli(ship)
      expect(first.stderr).toBe('')
      expect(first.code).toBe(0)
      const out = JSON.parse(first.stdout)
      expect(out.trackingNumber).toEqual(expect.any(String))
      const label = Buffer.from(out.label, 'base64')
      expect(['^XA', '%PDF']).toContain(label.subarray(0, out.labelFormat === 'pdf' ? 4 : 3).toString('latin1'))
      const again = JSON.parse((await cli(ship)).stdout)
      expect(again.trackingNumber).toBe(out.trackingNumber)
      expect(emu.count()).toBe(1)
      const tracked = await cli(['track', '--carrier', c.id, ...emu.args, '--tracking', out.carrierShipmentId, '--json'])
      expect(tracked.stderr).toBe('')
      expect(JSON.parse(tracked.stdout)).toMatchObject({ carrier: c.id, trackingNumber: out.carrierShipmentId })
    } finally {
      await emu.close()
    }
  }, 30_000)
})
