import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { parseArasPush } from '../../electron/core/carriers/aras/aras.push'
import { startArasEmulator, type ArasEmulator, type ArasPushTarget } from './aras.emulator'
import { readPushResult } from './aras.push-sender'

type Seen = { headers: Record<string, string | string[] | undefined>; body: string }
type Answer = { status: number; body?: string; contentType?: string }

let emu: ArasEmulator | null = null
let stub: Server | null = null
afterEach(async () => {
  await emu?.close()
  await new Promise<void>((r) => (stub ? stub.close(() => r()) : r()))
  emu = null
  stub = null
})

/** A customer service that answers from a script (the last answer repeats) and records every call. */
async function customerService(script: Answer[]): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = []
  stub = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      seen.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') })
      const a = script[Math.min(seen.length - 1, script.length - 1)] as Answer
      res.writeHead(a.status, { 'content-type': a.contentType ?? 'text/xml; charset=utf-8' })
      res.end(a.body ?? '')
    })
  })
  await new Promise<void>((r) => stub!.listen(0, '127.0.0.1', () => r()))
  return { url: `http://127.0.0.1:${(stub.address() as AddressInfo).port}/aras-push`, seen }
}

const soapResult = (ok: boolean) =>
  `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><CargoStatusPushResponse xmlns="http://tempuri.org/"><CargoStatusPushResult><Result>${ok}</Result><ErrorDescription /></CargoStatusPushResult></CargoStatusPushResponse></soap:Body></soap:Envelope>`

const ORDER = (code: string) =>
  '<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:tem="http://tempuri.org/"><soap:Body><tem:SetOrder><tem:orderInfo><tem:Order>' +
  `<tem:UserName>neodyum</tem:UserName><tem:Password>nd2580</tem:Password><tem:TradingWaybillNumber>9423012</tem:TradingWaybillNumber><tem:ReceiverName>NEDİM DEMİRCİ</tem:ReceiverName><tem:ReceiverAddress>xxxxx CAD. NO:7</tem:ReceiverAddress><tem:ReceiverPhone1>02121111111</tem:ReceiverPhone1><tem:ReceiverCityName>İSTANBUL</tem:ReceiverCityName><tem:ReceiverTownName>GAZİOSMANPAŞA</tem:ReceiverTownName><tem:PieceCount>1</tem:PieceCount><tem:IntegrationCode>${code}</tem:IntegrationCode><tem:PayorTypeCode>1</tem:PayorTypeCode>` +
  `<tem:PieceDetails><tem:PieceDetail><tem:VolumetricWeight>3</tem:VolumetricWeight><tem:Weight>2</tem:Weight><tem:BarcodeNumber>${code}</tem:BarcodeNumber></tem:PieceDetail></tem:PieceDetails>` +
  '</tem:Order></tem:orderInfo><tem:userName>neodyum</tem:userName><tem:password>nd2580</tem:password></tem:SetOrder></soap:Body></soap:Envelope>'

async function withOrder(push: ArasPushTarget, code = '6154197713'): Promise<ArasEmulator> {
  emu = await startArasEmulator({ push, now: () => Date.UTC(2026, 10, 25, 9, 0, 0) })
  const r = await fetch(emu.urls.testShipment, {
    method: 'POST',
    headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: '"http://tempuri.org/SetOrder"' },
    body: ORDER(code),
  })
  expect(await r.text()).toContain('<ResultCode>0</ResultCode>')
  return emu
}

const AUTH = { username: 'aras-push', password: 's3cr&t' }

describe('Aras push sender', () => {
  it('SOAP 1.1 by default: retries a 500 and a Result false, stops at Result true; the body reads back with the documented fields', async () => {
    const svc = await customerService([
      { status: 500 },
      { status: 200, body: soapResult(false) },
      { status: 200, body: soapResult(true) },
      { status: 200, body: soapResult(true) },
    ])
    const e = await withOrder({ url: svc.url, ...AUTH, retryDelayMs: 0 })
    expect(e.pushDeliveries).toHaveLength(0) // stored, no waybill yet: nothing to push
    e.advance('6154197713', '2')
    await e.flushPushes()
    expect(svc.seen).toHaveLength(3)
    expect(e.pushDeliveries).toMatchObject([
      {
        integrationCode: '6154197713',
        cargoStatus: '2',
        delivered: true,
        attempts: [{ status: 500 }, { status: 200, result: false }, { status: 200, result: true }],
      },
    ])
    const first = svc.seen[0] as Seen
    expect(first.headers.soapaction).toBe('"http://tempuri.org/CargoStatusPush"')
    expect(first.headers['content-type']).toMatch(/^text\/xml/)
    const parsed = parseArasPush(first.body, first.headers['content-type'] as string, AUTH)
    expect(parsed.context).toMatchObject({ format: 'soap11', operation: 'CargoStatusPush', namespace: 'http://tempuri.org/' })
    expect(parsed.push).toMatchObject({
      integrationCode: '6154197713',
      cargoStatus: '2',
      processDate: '25.11.2026 12:00:01',
      event: { status: 'in_transit', rawCode: 'DURUM_KODU:2' },
    })
    expect(e.pushDeliveries[0]?.body).not.toContain('s3cr')
  })

  it('JSON format: the HTTP advance hook pushes too, each change once and in order', async () => {
    const svc = await customerService([{ status: 200, body: '{"Result":true,"ErrorDescription":""}', contentType: 'application/json' }])
    const e = await withOrder({ url: svc.url, ...AUTH, format: 'json', dateFormat: 'iso', retryDelayMs: 0 })
    const hook = await fetch(`${e.origin}/__emu/advance/6154197713`, { method: 'POST', body: '{"to":"4"}' })
    expect(hook.status).toBe(200)
    e.advance('6154197713', '6')
    await e.flushPushes()
    const bodies = svc.seen.map((s) => JSON.parse(s.body) as Record<string, string>)
    expect(bodies.map((b) => b.CargoStatus)).toEqual(['4', '6'])
    expect(Object.keys(bodies[0] ?? {})).toEqual(['IntegrationCode', 'CargoStatus', 'ProcessDate', 'Description', 'UserName', 'Password'])
    expect(bodies[1]).toMatchObject({
      IntegrationCode: '6154197713',
      Description: expect.stringContaining('Teslim edildi'),
      ProcessDate: expect.stringMatching(/Z$/),
    })
    expect(e.pushDeliveries.every((d) => d.delivered && !d.body.includes('s3cr'))).toBe(true)
  })

  it('form format; a service that keeps failing is tried `attempts` times, then recorded as undelivered', async () => {
    const svc = await customerService([{ status: 503 }])
    const e = await withOrder({ url: svc.url, ...AUTH, format: 'form', attempts: 2, retryDelayMs: 0 })
    e.advance('6154197713', '1')
    await e.flushPushes()
    expect(svc.seen).toHaveLength(2)
    expect(svc.seen[0]?.headers['content-type']).toBe('application/x-www-form-urlencoded')
    expect(new URLSearchParams(svc.seen[0]?.body).get('CargoStatus')).toBe('1')
    expect(e.pushDeliveries).toMatchObject([{ delivered: false, attempts: [{ status: 503 }, { status: 503 }] }])
    expect(e.pushDeliveries[0]?.body).toContain('Password=[redacted]')
  })

  it('off by default: no push option, no pushes', async () => {
    emu = await startArasEmulator()
    expect(emu.pushDeliveries).toEqual([])
    await emu.flushPushes()
  })

  it.each([
    ['{"Result":true}', true],
    ['{"result":"false","ErrorDescription":"x"}', false],
    [soapResult(true), true],
    ['<a:Result xmlns:a="urn:x"> false </a:Result>', false],
    ['', null],
    ['<html>OK</html>', null],
  ] as const)('readPushResult(%s) → %s', (text, expected) => {
    expect(readPushResult(text)).toBe(expected)
  })
})
