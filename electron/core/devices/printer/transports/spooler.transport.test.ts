import { EventEmitter } from 'node:events'
import type { ChildProcess, SpawnOptions } from 'node:child_process'
import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { ErrorCode } from '../../../../../shared/errors'
import { ZebraPrinter } from '../zebra.printer'
import { SpoolerPrinterTransport, spoolerCommand, type SpawnFn } from './spooler.transport'
import { failure } from '../../../../../tests/support/app-error'

type Run = { command: string; args: readonly string[]; env: NodeJS.ProcessEnv | undefined; stdin: Buffer }

/** A fake `spawn`: records the command line and stdin, then exits the way `outcome` says. */
function fakeSpawn(outcome: { code?: number; stdout?: string; stderr?: string; error?: NodeJS.ErrnoException; hang?: boolean }): {
  spawn: SpawnFn
  runs: Run[]
} {
  const runs: Run[] = []
  const spawn: SpawnFn = (command: string, args: readonly string[], options: SpawnOptions) => {
    const child = new EventEmitter() as ChildProcess & EventEmitter
    const stdin = new PassThrough()
    const stdout = new PassThrough()
    const stderr = new PassThrough()
    const chunks: Buffer[] = []
    const run: Run = { command, args, env: options.env, stdin: Buffer.alloc(0) }
    runs.push(run)
    Object.assign(child, { stdin, stdout, stderr, kill: () => (setImmediate(() => child.emit('close', null)), true) })
    stdin.on('data', (c: Buffer) => chunks.push(c))
    stdin.on('end', () => {
      run.stdin = Buffer.concat(chunks)
      if (outcome.hang) return
      setImmediate(() => {
        if (outcome.error) {
          child.emit('error', outcome.error)
          return
        }
        if (outcome.stdout) stdout.write(outcome.stdout)
        if (outcome.stderr) stderr.write(outcome.stderr)
        setImmediate(() => child.emit('close', outcome.code ?? 0))
      })
    })
    return child
  }
  return { spawn, runs }
}

const job = Buffer.from('^XA^CI28^FDİstanbul Kadıköy^FS^XZ')

describe('spoolerCommand', () => {
  it.each([
    ['linux', 'lp', ['-d', 'Zebra_ZD420', '-o', 'raw', '-t', 'KargoJet label']],
    ['darwin', 'lp', ['-d', 'Zebra_ZD420', '-o', 'raw', '-t', 'KargoJet label']],
  ] as const)('%s → %s -d QUEUE -o raw', (platform, command, args) => {
    expect(spoolerCommand('Zebra_ZD420', 'KargoJet label', platform)).toEqual({ command, args, env: {} })
  })

  it('win32 → PowerShell with the winspool RAW datatype, the name passed in the environment', () => {
    const cmd = spoolerCommand('Zebra ZD420 (ZPL)', 'KargoJet label', 'win32')
    expect(cmd.command).toBe('powershell.exe')
    expect(cmd.args.slice(0, 5)).toEqual(['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command'])
    expect(cmd.args[5]).toContain('info.pDatatype = "RAW"')
    expect(cmd.args[5]).toContain('WritePrinter')
    // The printer name never appears in the script text: nothing to quote or inject.
    expect(cmd.args[5]).not.toContain('ZD420')
    expect(cmd.env).toEqual({ KARGOJET_PRINTER: 'Zebra ZD420 (ZPL)', KARGOJET_JOB_TITLE: 'KargoJet label' })
  })
})

describe('SpoolerPrinterTransport', () => {
  it('Linux: pipes the job unchanged into lp -d QUEUE -o raw and keeps the request id', async () => {
    const fake = fakeSpawn({ stdout: 'request id is Zebra_ZD420-17 (0 file(s))\n' })
    const t = new SpoolerPrinterTransport('Zebra_ZD420', { platform: 'linux', spawn: fake.spawn })
    await t.send(job)
    expect(fake.runs).toHaveLength(1)
    expect(fake.runs[0]).toMatchObject({ command: 'lp', args: ['-d', 'Zebra_ZD420', '-o', 'raw', '-t', 'KargoJet label'] })
    expect(fake.runs[0]!.stdin.equals(job)).toBe(true)
    expect(t.lastJobId).toBe('Zebra_ZD420-17')
    expect(t.uri).toBe('spooler://Zebra_ZD420')
  })

  it('Windows: runs the RAW script with the job on stdin', async () => {
    const fake = fakeSpawn({ stdout: 'spooled 36 bytes\n' })
    await new SpoolerPrinterTransport('Zebra ZD420 (ZPL)', { platform: 'win32', spawn: fake.spawn }).send(job)
    expect(fake.runs[0]!.command).toBe('powershell.exe')
    expect(fake.runs[0]!.env?.KARGOJET_PRINTER).toBe('Zebra ZD420 (ZPL)')
    expect(fake.runs[0]!.stdin.equals(job)).toBe(true)
  })

  const refusals: ReadonlyArray<[string, Parameters<typeof fakeSpawn>[0], string, boolean, string]> = [
    ['unknown queue', { code: 1, stderr: 'lp: The printer or class does not exist.\n' }, ErrorCode.printerAddressInvalid, false, 'none'],
    ['queue not accepting jobs', { code: 1, stderr: 'lp: Destination "Zebra" is not accepting jobs.\n' }, ErrorCode.printerOffline, true, 'none'],
    ['CUPS not running', { code: 1, stderr: 'lp: Unable to connect to server: Connection refused\n' }, ErrorCode.printerOffline, true, 'none'],
    ['lp not installed', { error: Object.assign(new Error('spawn lp ENOENT'), { code: 'ENOENT' }) }, ErrorCode.printerOffline, false, 'none'],
    ['spooler hangs', { hang: true }, ErrorCode.printerTimeout, true, 'unknown'],
  ]
  it.each(refusals)('%s → error (%s)', async (_name, outcome, code, retryable, delivery) => {
    const fake = fakeSpawn(outcome)
    const err = await failure(new SpoolerPrinterTransport('Zebra', { platform: 'linux', spawn: fake.spawn, timeoutMs: 100 }).send(job))
    expect(err.code).toBe(code)
    expect(err.retryable).toBe(retryable)
    expect(err.meta.delivery).toBe(delivery)
  })

  it('Windows: an unknown printer name (win32 error 1801) → printer.addressInvalid', async () => {
    const fake = fakeSpawn({ code: 3, stderr: 'win32 error 1801\r\n' })
    const err = await failure(new SpoolerPrinterTransport('Nope', { platform: 'win32', spawn: fake.spawn }).send(job))
    expect(err.code).toBe(ErrorCode.printerAddressInvalid)
  })

  it('refuses a CUPS queue name that lp would read as an option, without running anything', async () => {
    const fake = fakeSpawn({})
    const err = await failure(new SpoolerPrinterTransport('-h evil', { platform: 'linux', spawn: fake.spawn }).send(job))
    expect(err.code).toBe(ErrorCode.printerAddressInvalid)
    expect(fake.runs).toEqual([])
  })

  it('cannot report status: ZebraPrinter prints without ~HS and says status is unsupported', async () => {
    const fake = fakeSpawn({ stdout: 'request id is Z-1 (0 file(s))\n' })
    const printer = new ZebraPrinter(new SpoolerPrinterTransport('Z', { platform: 'linux', spawn: fake.spawn }))
    expect(printer.canReportStatus).toBe(false)
    const result = await printer.print(job)
    expect(result).toMatchObject({ statusBefore: null, statusAfter: null, problemAfter: null })
    expect((await failure(printer.status())).code).toBe(ErrorCode.printerStatusUnsupported)
  })
})
