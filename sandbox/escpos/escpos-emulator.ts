import { createServer, type Socket } from 'node:net'
import { EscPosStreamParser, type EscPosEvent } from './escpos-stream.parser'
import { listenTcp } from '../common/listen-tcp'

/**
 * An ESC/POS receipt printer on raw TCP 9100 (docs/reference/hardware.md §4, "What emulators … we need" C): a sink
 * that parses what it gets into receipts (text lines, barcodes, code pages, one receipt per cut) and
 * answers GS r 1 with the paper status byte: 0x00 ok, 0x03 near end, 0x0C out.
 *
 * Offline it accepts bytes but answers nothing. Out of paper, the manuals we have (Epson TM-U220,
 * Bixolon SPP-R210) say the printer goes offline and stays silent too; some models answer 0x0C
 * instead, hence `silentWhenPaperOut` (default true, as documented).
 */
export type EscPosPaper = 'ok' | 'nearEnd' | 'out'

export type EscPosReceipt = Readonly<{
  /** Text lines as printed, decoded with the active code page. */
  lines: readonly string[]
  barcodes: ReadonlyArray<Readonly<{ type: number; data: string }>>
  codePages: readonly number[]
  unknownCommands: number
}>

export type EscPosEmulatorOptions = Readonly<{ port?: number; host?: string; silentWhenPaperOut?: boolean }>

export type EscPosEmulator = Readonly<{
  port: number
  uri: string
  /** Finished receipts (each ended by a cut), in order. */
  receipts: readonly EscPosReceipt[]
  /** Status requests received. */
  readonly statusRequests: number
  readonly rawBytes: Buffer
  setState(patch: Partial<{ paper: EscPosPaper; offline: boolean }>): void
  waitForReceipts(count: number, timeoutMs?: number): Promise<readonly EscPosReceipt[]>
  close(): Promise<void>
}>

type Draft = { lines: string[]; barcodes: { type: number; data: string }[]; codePages: number[]; unknownCommands: number }

const STATUS_BYTE: Readonly<Record<EscPosPaper, number>> = { ok: 0x00, nearEnd: 0x03, out: 0x0c }

export async function startEscPosEmulator(options: EscPosEmulatorOptions = {}): Promise<EscPosEmulator> {
  const host = options.host ?? '127.0.0.1'
  const silentWhenPaperOut = options.silentWhenPaperOut ?? true
  const state = { paper: 'ok' as EscPosPaper, offline: false }
  const receipts: EscPosReceipt[] = []
  const raw: Buffer[] = []
  const sockets = new Set<Socket>()
  const waiters = new Set<() => void>()
  let statusRequests = 0

  const newDraft = (): Draft => ({ lines: [], barcodes: [], codePages: [], unknownCommands: 0 })

  const server = createServer((socket) => {
    sockets.add(socket)
    const parser = new EscPosStreamParser()
    let draft = newDraft()
    const handle = (e: EscPosEvent) => {
      switch (e.kind) {
        case 'text':
          draft.lines.push(e.text.replace(/\n$/, ''))
          return
        case 'codePage':
          draft.codePages.push(e.page)
          return
        case 'barcode':
          draft.barcodes.push({ type: e.type, data: e.data })
          return
        case 'unknown':
          draft.unknownCommands++
          return
        case 'cut':
          receipts.push(draft)
          draft = newDraft()
          for (const w of waiters) w()
          return
        case 'statusRequest': {
          statusRequests++
          const silent = state.offline || (state.paper === 'out' && silentWhenPaperOut)
          if (!silent) socket.write(Buffer.from([STATUS_BYTE[state.paper]]))
          return
        }
        case 'init':
        case 'code2d':
          return
      }
    }
    socket.on('data', (chunk: Buffer) => {
      raw.push(chunk)
      for (const e of parser.push(chunk)) handle(e)
    })
    // node-thermal-printer destroys the socket right after writing; a reset here is normal.
    socket.on('error', () => undefined)
    socket.on('close', () => sockets.delete(socket))
  })

  const port = await listenTcp(server, options.port ?? 0, host)

  return {
    port,
    uri: `tcp://${host}:${port}`,
    receipts,
    get statusRequests() {
      return statusRequests
    },
    get rawBytes() {
      return Buffer.concat(raw)
    },
    setState(patch) {
      Object.assign(state, patch)
    },
    waitForReceipts(count, timeoutMs = 5000) {
      if (receipts.length >= count) return Promise.resolve(receipts)
      return new Promise((resolve, reject) => {
        const check = () => {
          if (receipts.length < count) return
          clearTimeout(timer)
          waiters.delete(check)
          resolve(receipts)
        }
        const timer = setTimeout(() => {
          waiters.delete(check)
          reject(new Error(`escpos emulator: ${receipts.length} of ${count} receipts after ${timeoutMs} ms`))
        }, timeoutMs)
        waiters.add(check)
      })
    },
    async close() {
      for (const s of sockets) s.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
