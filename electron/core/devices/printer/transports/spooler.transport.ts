import { spawn as nodeSpawn, type ChildProcess, type SpawnOptions } from 'node:child_process'
import { AppError, ErrorCode } from '../../../../../shared/errors'
import { msg, type NoticeRef } from '../../../../../shared/i18n/notice-codes'
import type { PrinterTransport } from '../printer.port'

const DEFAULT_SPOOLER_TIMEOUT_MS = 15_000

export type SpawnFn = (command: string, args: readonly string[], options: SpawnOptions) => ChildProcess

export type SpoolerCommand = Readonly<{ command: string; args: readonly string[]; env: Readonly<Record<string, string>> }>

/**
 * Windows RAW printing through the spooler API (winspool.drv OpenPrinter → StartDocPrinter with
 * datatype "RAW" → WritePrinter), the documented way to hand printer-ready bytes to a Windows queue
 * unchanged (Microsoft KB 322091; node-thermal-printer's `printer:` interface does the same through a
 * native module, docs/reference/hardware.md §3.1). PowerShell compiles it on the fly: no native addon to build for
 * Electron. The job comes on stdin, the printer name and title in environment variables (no quoting).
 */
const WINDOWS_RAW_SCRIPT = `
$ErrorActionPreference = 'Stop'
Add-Type -TypeDefinition @"
using System;
using System.Runtime.InteropServices;
public static class KargoJetRawPrinter {
  [StructLayout(LayoutKind.Sequential, CharSet = CharSet.Unicode)]
  public class DocInfo1 { public string pDocName; public string pOutputFile; public string pDatatype; }
  [DllImport("winspool.drv", CharSet = CharSet.Unicode, SetLastError = true)] static extern bool OpenPrinter(string name, out IntPtr h, IntPtr defaults);
  [DllImport("winspool.drv", SetLastError = true)] static extern bool ClosePrinter(IntPtr h);
  [DllImport("winspool.drv", CharSet = CharSet.Unicode, SetLastError = true)] static extern int StartDocPrinter(IntPtr h, int level, DocInfo1 info);
  [DllImport("winspool.drv", SetLastError = true)] static extern bool EndDocPrinter(IntPtr h);
  [DllImport("winspool.drv", SetLastError = true)] static extern bool WritePrinter(IntPtr h, byte[] data, int count, out int written);
  public static int Send(string name, string title, byte[] data) {
    IntPtr h;
    if (!OpenPrinter(name, out h, IntPtr.Zero)) return Marshal.GetLastWin32Error();
    try {
      DocInfo1 info = new DocInfo1(); info.pDocName = title; info.pDatatype = "RAW";
      if (StartDocPrinter(h, 1, info) == 0) return Marshal.GetLastWin32Error();
      int written;
      bool ok = WritePrinter(h, data, data.Length, out written);
      int err = ok && written == data.Length ? 0 : Marshal.GetLastWin32Error();
      EndDocPrinter(h);
      return ok && written == data.Length ? 0 : (err == 0 ? 1 : err);
    } finally { ClosePrinter(h); }
  }
}
"@
$buffer = New-Object System.IO.MemoryStream
[Console]::OpenStandardInput().CopyTo($buffer)
$code = [KargoJetRawPrinter]::Send($env:KARGOJET_PRINTER, $env:KARGOJET_JOB_TITLE, $buffer.ToArray())
if ($code -ne 0) { [Console]::Error.WriteLine("win32 error $code"); exit 3 }
[Console]::Out.WriteLine("spooled " + $buffer.Length + " bytes")
`

/** The command that hands a job to the OS spooler on `platform` (exported for the table test). */
export function spoolerCommand(queue: string, title: string, platform: NodeJS.Platform): SpoolerCommand {
  if (platform === 'win32') {
    return {
      command: 'powershell.exe',
      args: ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', WINDOWS_RAW_SCRIPT],
      env: { KARGOJET_PRINTER: queue, KARGOJET_JOB_TITLE: title },
    }
  }
  // CUPS (Linux, macOS): `-o raw` passes the bytes to the printer unfiltered; the job comes on stdin.
  return { command: 'lp', args: ['-d', queue, '-o', 'raw', '-t', title], env: {} }
}

export type SpoolerTransportOptions = Readonly<{
  timeoutMs?: number
  /** Defaults to the running OS; tests pin it. */
  platform?: NodeJS.Platform
  /** Defaults to node:child_process spawn; tests inject a fake to check the command line. */
  spawn?: SpawnFn
  /** Job title shown in the spooler's queue. */
  title?: string
}>

/**
 * Raw ZPL through the OS print spooler, for a printer that is reachable no other way (a shared
 * Windows printer, a CUPS queue on a print server): `lp -d QUEUE -o raw` on Linux/macOS, the
 * winspool RAW API on Windows.
 *
 * A spooler is one-way: it CANNOT report the printer's status. There is no `query`, so ~HS is never
 * asked (printer.statusUnsupported), paper-out or head-open are not seen before a job, and "sent"
 * means "the spooler accepted the job", not "the label printed" — a job can still fail later in
 * the spooler's own queue. Prefer tcp://, usb:// or serial:// wherever the printer is reachable.
 */
export class SpoolerPrinterTransport implements PrinterTransport {
  readonly uri: string
  /** The spooler's id for the last job (`request id is Q-12` from lp), when it printed one. */
  lastJobId: string | null = null
  private readonly children = new Set<ChildProcess>()

  constructor(
    readonly queue: string,
    private readonly options: SpoolerTransportOptions = {},
  ) {
    this.uri = `spooler://${encodeURIComponent(queue)}`
  }

  send(data: Uint8Array, options: { timeoutMs?: number } = {}): Promise<void> {
    const platform = this.options.platform ?? process.platform
    if (platform !== 'win32' && (this.queue.startsWith('-') || /[\s/#\\]/.test(this.queue))) {
      // CUPS queue names have no spaces, slashes or '#'; a leading '-' would read as an lp option.
      return Promise.reject(
        new AppError(ErrorCode.printerAddressInvalid, msg('printer.spoolerQueueInvalid', { queue: this.queue }), { meta: { uri: this.uri, delivery: 'none' } }),
      )
    }
    const { command, args, env } = spoolerCommand(this.queue, this.options.title ?? 'KargoJet label', platform)
    const timeoutMs = options.timeoutMs ?? this.options.timeoutMs ?? DEFAULT_SPOOLER_TIMEOUT_MS
    const spawn = this.options.spawn ?? (nodeSpawn as SpawnFn)
    return new Promise<void>((resolve, reject) => {
      let settled = false
      let stdout = ''
      let stderr = ''
      const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env }, windowsHide: true })
      this.children.add(child)
      const finish = (err: AppError | null) => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        this.children.delete(child)
        if (err) reject(err)
        else resolve()
      }
      const timer = setTimeout(() => {
        child.kill()
        finish(this.fail(ErrorCode.printerTimeout, msg('printer.spoolerNoAnswer', { queue: this.queue, timeoutMs }), true, 'unknown'))
      }, timeoutMs)
      child.stdout?.on('data', (c: Buffer) => (stdout += c.toString()))
      child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()))
      child.on('error', (err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') {
          finish(this.fail(ErrorCode.printerOffline, msg('printer.spoolerClientMissing', { queue: this.queue, command }), false, 'none'))
        } else {
          finish(this.fail(ErrorCode.printerOffline, msg('printer.spoolerClientFailed', { queue: this.queue, command, detail: err.message }), true, 'none'))
        }
      })
      // The spooler may refuse before reading all of stdin (unknown queue): EPIPE then, and the exit status says why.
      child.stdin?.on('error', () => undefined)
      child.on('close', (code) => {
        if (code === 0) {
          this.lastJobId = /request id is (\S+)/.exec(stdout)?.[1] ?? null
          finish(null)
          return
        }
        finish(this.refusal(stderr.trim() || stdout.trim() || `exit ${code}`))
      })
      child.stdin?.end(Buffer.from(data))
    })
  }

  dispose(): void {
    for (const child of this.children) child.kill()
    this.children.clear()
  }

  /** A spooler that refused the job took nothing: delivery 'none'. */
  private refusal(detail: string): AppError {
    // lp: "The printer or class does not exist."; winspool: ERROR_INVALID_PRINTER_NAME (1801).
    if (/does not exist|not found|win32 error 1801\b/i.test(detail))
      return this.fail(ErrorCode.printerAddressInvalid, msg('printer.spoolerNoQueue', { queue: this.queue, detail }), false, 'none')
    return this.fail(ErrorCode.printerOffline, msg('printer.spoolerRefused', { queue: this.queue, detail }), true, 'none')
  }

  private fail(code: ErrorCode, message: NoticeRef, retryable: boolean, delivery: 'none' | 'unknown'): AppError {
    return new AppError(code, message, { retryable, meta: { uri: this.uri, delivery } })
  }
}
