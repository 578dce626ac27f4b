import { AppError, ErrorCode } from '../../../../shared/errors'
import { createA12eFramer, parseA12eFrame } from './a12e.parser'
import type { Framer } from './byte-framer'
import { createCasFramer, parseCasFrame } from './cas.parser'
import { createLineFramer, parseMtSicsLine } from './mt-sics.parser'
import { createNciFramer, parseNciFrame } from './nci.parser'
import { isScaleProtocol, scaleProtocolInfo, scaleProtocols, type ScaleProtocol } from './scale-protocol'
import { resolveLineSettings, SerialScaleTransport, type SerialLineSettings } from './serial-scale.transport'
import { createToledo8217Framer, parseToledo8217Frame } from './toledo-8217.parser'
import { createToledoContinuousFramer, parseToledoContinuousFrame } from './toledo-continuous.parser'

export type DetectedScale = Readonly<{
  protocol: ScaleProtocol
  line: SerialLineSettings
  /** toledo-continuous only: whether frames carry the checksum byte. */
  checksum?: boolean
  /** Valid frames seen while detecting. */
  frames: number
}>

export type DetectScaleOptions = Readonly<{
  /** Fixed line settings (e.g. from CLI flags); what is missing comes from each protocol's defaults. */
  line?: Partial<SerialLineSettings>
  /** How long to listen for continuous frames per line setting (Toledo sends ~7 a second). */
  listenMs?: number
  /** How long each request/response probe waits for a reply. */
  probeTimeoutMs?: number
  /** Valid continuous frames needed before a protocol counts as recognised. */
  minFrames?: number
}>

/** One way to read the bytes: a protocol (and variant) with its own framer and parser. */
type Decoder = {
  protocol: ScaleProtocol
  checksum?: boolean
  framer: Framer<Uint8Array | string>
  /** True when the frame parses and identifies the protocol. */
  identifies(frame: Uint8Array | string): boolean
  valid: number
}

const bytes = (f: Uint8Array | string) => (typeof f === 'string' ? Buffer.from(f, 'latin1') : f)

function parses(fn: () => unknown): boolean {
  try {
    fn()
    return true
  } catch {
    return false // not this protocol (or noise): exactly what detection wants to know
  }
}

function decodersFor(protocol: ScaleProtocol): Decoder[] {
  const d = (checksum: boolean | undefined, framer: Framer<Uint8Array | string>, identifies: Decoder['identifies']): Decoder => ({
    protocol,
    ...(checksum === undefined ? {} : { checksum }),
    framer,
    identifies,
    valid: 0,
  })
  switch (protocol) {
    case 'toledo-continuous':
      // With checksum first: a checksummed stream also frames without it, never the other way round.
      return [true, false].map((checksum) =>
        d(checksum, createToledoContinuousFramer({ checksum }), (f) => parses(() => parseToledoContinuousFrame(bytes(f), { checksum }))),
      )
    case 'cas':
      return [d(undefined, createCasFramer(), (f) => parses(() => parseCasFrame(bytes(f))))]
    case 'a12e':
      return [d(undefined, createA12eFramer(), (f) => parses(() => parseA12eFrame(bytes(f))))]
    case 'mt-sics':
      return [d(undefined, createLineFramer(), (f) => parses(() => parseMtSicsLine(typeof f === 'string' ? f : Buffer.from(f).toString('latin1'))))]
    case 'toledo-8217':
      return [d(undefined, createToledo8217Framer(), (f) => ['weight', 'status'].includes(safeKind(() => parseToledo8217Frame(bytes(f)).kind)))]
    case 'nci':
      // `LF ? CR` (unknown command) is NCI-like but answers any garbage; only weight/status count.
      return [d(undefined, createNciFramer(), (f) => ['weight', 'status'].includes(safeKind(() => parseNciFrame(bytes(f)).kind)))]
  }
}

function safeKind(fn: () => string): string {
  try {
    return fn()
  } catch {
    return 'invalid' // not this protocol
  }
}

/** Probes in the order of the issue: MT-SICS `SI`, Toledo 8217 `W`, NCI `W<CR>`. */
const probes: ReadonlyArray<[ScaleProtocol, string]> = [
  ['mt-sics', 'SI\r\n'],
  // An NCI scale keeps an unterminated `W` from the 8217 probe; the leading CR ends it first.
  ['toledo-8217', 'W'],
  ['nci', '\rW\r'],
]

const lineKey = (l: SerialLineSettings) => `${l.baudRate}-${l.dataBits}${l.parity[0]}${l.stopBits}`

/** Opens the port with `line`, feeds every chunk to the decoders, runs `session`, always closes. */
async function withPort<T>(
  path: string,
  line: SerialLineSettings,
  decoders: Decoder[],
  session: (port: SerialScaleTransport<Uint8Array>, heard: () => Decoder | null) => Promise<T>,
): Promise<T> {
  const port = new SerialScaleTransport<Uint8Array>(path, line, { push: (chunk) => [Uint8Array.from(chunk)], reset: () => undefined })
  let winner: Decoder | null = null
  port.onDidFrame((chunk) => {
    for (const decoder of decoders) {
      for (const frame of decoder.framer.push(chunk)) if (decoder.identifies(frame)) decoder.valid++
    }
  })
  await port.open()
  try {
    return await session(port, () => {
      winner ??= decoders.find((d) => d.valid >= 1) ?? null
      return winner
    })
  } finally {
    await port.close()
  }
}

/** Resolves when `done()` is true (checked on every chunk), or after `ms`. */
function listen(port: SerialScaleTransport<Uint8Array>, ms: number, done: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(finish, ms)
    const off = port.onDidFrame(() => done() && finish())
    function finish() {
      clearTimeout(timer)
      off()
      resolve()
    }
  })
}

/**
 * Finds which protocol a scale on `path` speaks. Continuous scales are heard first (they identify
 * themselves; nothing is sent), then request/response scales are probed one at a time. Line
 * settings come from `options.line` or each protocol's defaults (§2.1); candidates sharing settings
 * share one open port. Rejects with `scale.disconnected` when the port cannot be opened and
 * `scale.protocolUnknown` when nothing answered in a known protocol.
 */
export async function detectScaleProtocol(
  path: string,
  candidates: readonly string[] = scaleProtocols,
  options: DetectScaleOptions = {},
): Promise<DetectedScale> {
  const unknown = candidates.filter((c) => !isScaleProtocol(c))
  if (unknown.length > 0 || candidates.length === 0) {
    throw new AppError(ErrorCode.inputInvalid, `unknown scale protocol ${unknown.join(', ') || '(none given)'} (known: ${scaleProtocols.join(', ')})`)
  }
  const wanted = scaleProtocols.filter((p) => candidates.includes(p))
  const listenMs = options.listenMs ?? 1200
  const probeTimeoutMs = options.probeTimeoutMs ?? 500
  const minFrames = options.minFrames ?? 3
  const groups = new Map<string, { line: SerialLineSettings; protocols: ScaleProtocol[] }>()
  for (const protocol of wanted) {
    const line = resolveLineSettings(options.line ?? {}, scaleProtocolInfo[protocol].line)
    const group = groups.get(lineKey(line)) ?? { line, protocols: [] }
    group.protocols.push(protocol)
    groups.set(lineKey(line), group)
  }
  let bytesHeard = 0
  const found = (d: Decoder, line: SerialLineSettings): DetectedScale => ({
    protocol: d.protocol,
    line,
    ...(d.checksum === undefined ? {} : { checksum: d.checksum }),
    frames: d.valid,
  })

  for (const { line, protocols } of groups.values()) {
    const continuous = protocols.filter((p) => scaleProtocolInfo[p].mode === 'continuous')
    if (continuous.length === 0) continue
    const decoders = continuous.flatMap(decodersFor)
    const best = () => decoders.find((d) => d.valid >= minFrames) ?? null
    const heard = await withPort(path, line, decoders, async (port) => {
      const off = port.onDidFrame((chunk) => void (bytesHeard += chunk.length))
      await listen(port, listenMs, () => best() !== null)
      off()
      return best()
    })
    if (heard) return found(heard, line)
  }

  for (const { line, protocols } of groups.values()) {
    const requested = protocols.filter((p) => scaleProtocolInfo[p].mode === 'request')
    if (requested.length === 0) continue
    // Every reply is offered to every request decoder of this line: a late reply to one probe
    // still identifies its protocol during the next.
    const decoders = requested.flatMap(decodersFor)
    const heard = await withPort(path, line, decoders, async (port, winner) => {
      const off = port.onDidFrame((chunk) => void (bytesHeard += chunk.length))
      for (const [protocol, probe] of probes) {
        if (!requested.includes(protocol)) continue
        port.write(probe)
        await listen(port, probeTimeoutMs, () => winner() !== null)
        if (winner()) break
      }
      off()
      return winner()
    })
    if (heard) return found(heard, line)
  }

  throw new AppError(
    ErrorCode.scaleProtocolUnknown,
    `no known scale protocol on ${path} (tried ${wanted.join(', ')}; ${bytesHeard} bytes heard). Check the port, the line settings and that the scale sends or answers.`,
    { retryable: true, meta: { path, candidates: wanted, bytesHeard } },
  )
}
