import { readFile, writeFile } from 'node:fs/promises'
import { createServer, type AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startZebraEmulator, type ZebraEmulator } from '../../../sandbox/zebra/zebra-emulator'
import { printCommand } from './print.command'
import { printerStatusCommand } from './printer-status.command'
import { runCommand } from '../../../tests/support/cli-run'
import { tempDirForFile } from '../../../tests/support/temp-dir'

const run = runCommand

const LABEL = '^XA^CI28^FO20,20^A0N,40,40^FH_^FDİzmir / Karşıyaka^FS^XZ\n'

async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

let zplFile: string
let emu: ZebraEmulator
const dir = tempDirForFile('print-cmd-', async (dir) => {
  zplFile = join(dir, 'label.zpl')
  await writeFile(zplFile, LABEL)
  await writeFile(join(dir, 'notes.txt'), 'not a label')
})
beforeEach(async () => {
  emu = await startZebraEmulator()
})
afterEach(async () => {
  await emu.close()
})

describe('station print', () => {
  it('sends the file and prints one line', async () => {
    const r = await run(printCommand, ['--printer', emu.uri, zplFile])
    expect(r).toMatchObject({ code: 0, stderr: '' })
    expect(r.stdout).toBe(`sent ${Buffer.byteLength(LABEL)} bytes to ${emu.uri}\n`)
    expect(await emu.waitForJobs(1)).toEqual([LABEL.trimEnd()])
  })

  it('--json → {"ok":true,"bytes":N}', async () => {
    const r = await run(printCommand, ['--printer', emu.uri, '--json', zplFile])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual({ ok: true, bytes: Buffer.byteLength(LABEL) })
  })

  it('refuses on paper out (exit 1), sends nothing', async () => {
    emu.setState({ paperOut: true })
    const r = await run(printCommand, ['--printer', emu.uri, '--json', zplFile])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/^station print: Etiket bitti — rulo takın \/ Paper out.*\[printer\.paperOut\]\n$/)
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, error: { code: 'printer.paperOut', retryable: true } })
    expect(emu.queued).toEqual([])
  })

  it('--no-status-check sends anyway; the paused printer keeps the job', async () => {
    emu.setState({ paused: true })
    const received = new Promise((resolve) => emu.onDidReceiveJob(resolve))
    const r = await run(printCommand, ['--printer', emu.uri, '--no-status-check', zplFile])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/\(status not checked\)/)
    await received
    expect(emu.queued).toHaveLength(1)
  })

  it('offline printer → exit 1 printer.offline', async () => {
    const r = await run(printCommand, ['--printer', `tcp://127.0.0.1:${await closedPort()}`, zplFile])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/\[printer\.offline\]/)
  })

  it('file: printer appends the job', async () => {
    const out = join(dir(), 'spool.zpl')
    const r = await run(printCommand, ['--printer', `file://${out}`, zplFile])
    expect(r.code).toBe(0)
    expect(await readFile(out, 'utf8')).toBe(LABEL)
  })

  const bad: ReadonlyArray<[string, () => string[], RegExp]> = [
    ['missing --printer', () => [zplFile], /missing required flag --printer/],
    ['no file', () => ['--printer', 'tcp://127.0.0.1:9100'], /expected one ZPL file, got 0/],
    ['two files', () => ['--printer', 'tcp://127.0.0.1:9100', zplFile, zplFile], /expected one ZPL file, got 2/],
    ['missing file', () => ['--printer', 'tcp://127.0.0.1:9100', join(dir(), 'nope.zpl')], /cannot read .*nope\.zpl: ENOENT/],
    ['not ZPL', () => ['--printer', 'tcp://127.0.0.1:9100', join(dir(), 'notes.txt')], /is not ZPL/],
    ['bad URI', () => ['--printer', 'lpt1', zplFile], /Invalid printer address "lpt1".*\[printer\.addressInvalid\]/],
    ['bad timeout', () => ['--printer', 'tcp://127.0.0.1:9100', '--timeout-ms', 'soon', zplFile], /--timeout-ms must be a number/],
  ]
  it.each(bad)('%s → exit 2', async (_name, argv, message) => {
    const r = await run(printCommand, argv())
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(message)
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1)
  })
})

describe('station printer status', () => {
  const KEYS = [
    'ready',
    'paperOut',
    'headOpen',
    'paused',
    'ribbonOut',
    'bufferFull',
    'underTemperature',
    'overTemperature',
    'corruptRam',
    'labelsRemaining',
    'formatsInBuffer',
    'labelLengthDots',
    'partialFormat',
  ]

  it('--json prints exactly the documented keys', async () => {
    emu.setState({ labelsRemaining: 5 })
    const r = await run(printerStatusCommand, ['--printer', emu.uri, '--json'])
    expect(r.code).toBe(0)
    const json = JSON.parse(r.stdout)
    expect(Object.keys(json)).toEqual(KEYS)
    expect(json).toMatchObject({ ready: true, labelsRemaining: 5, labelLengthDots: 1200, formatsInBuffer: 0 })
  })

  it('a printer that is not ready still answered: exit 0', async () => {
    emu.setState({ headOpen: true })
    const r = await run(printerStatusCommand, ['--printer', emu.uri, '--json'])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({ ready: false, headOpen: true })
  })

  it('human output names the problem', async () => {
    emu.setState({ paperOut: true })
    const r = await run(printerStatusCommand, ['--printer', emu.uri])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^not ready: Etiket bitti .*\[printer\.paperOut\]/)
  })

  it('silent printer → exit 1 printer.timeout', async () => {
    emu.setState({ mute: true })
    const r = await run(printerStatusCommand, ['--printer', emu.uri, '--timeout-ms', '150', '--json'])
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/\[printer\.timeout\]/)
  })

  it('offline printer → exit 1 printer.offline', async () => {
    const r = await run(printerStatusCommand, ['--printer', `tcp://127.0.0.1:${await closedPort()}`, '--json'])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/\[printer\.offline\]/)
  })

  const bad: ReadonlyArray<[string, string[], RegExp]> = [
    ['missing --printer', ['--json'], /missing required flag --printer/],
    ['bad URI', ['--printer', 'http://zebra'], /\[printer\.addressInvalid\]/],
    ['file: cannot report status', ['--printer', 'file:///tmp/x.zpl'], /cannot report status.*\[printer\.statusUnsupported\]/],
    ['bad timeout', ['--printer', 'tcp://127.0.0.1:9100', '--timeout-ms', '0'], /--timeout-ms must be greater than 0/],
  ]
  it.each(bad)('%s → exit 2', async (_name, argv, message) => {
    const r = await run(printerStatusCommand, argv)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(message)
  })
})
