import { AppError, ErrorCode } from '../../../shared/errors'
import { currentTrackingStatus, sortTimeline } from '../../../shared/tracking/timeline'
import { parseFlags, requireFlag } from '../cli-args'
import { CARRIER_FLAGS_USAGE, carrierFlagOptions, cliConnector, requireCarrier, requireEndpoint } from '../carrier-flags'
import type { CliCommand, CliIo } from '../cli.types'
import { reportCarrierFailure } from './carrier-failure'

const prefix = 'station track: '

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseFlags(argv, { ...carrierFlagOptions, tracking: { type: 'string' }, json: { type: 'boolean' } })
  const def = requireCarrier(values.carrier)
  // The declaration decides (carrier-capabilities.ts), before anything is sent.
  if (!def.capabilities.tracking) throw new AppError(ErrorCode.inputInvalid, `${def.displayName} has no tracking operation here`)
  const tracking = requireFlag(values.tracking, 'tracking').trim()
  if (!/^[\x21-\x7e]{1,64}$/.test(tracking))
    throw new AppError(ErrorCode.inputInvalid, `--tracking must be 1–64 printable characters without spaces, got "${tracking}"`)
  requireEndpoint(values)
  const { connector, dispose } = await cliConnector(def, values, io, prefix, { maxAttempts: 3, sameKey: false })
  let events
  try {
    if (!connector.track) throw new AppError(ErrorCode.wrongState, `${def.displayName}: declared tracking, but the connector has no track`)
    events = sortTimeline(await connector.track(tracking))
  } catch (err) {
    return reportCarrierFailure(io, prefix, err)
  } finally {
    await dispose()
  }
  const status = currentTrackingStatus(events)
  const last = events.at(-1) ?? null
  if (values.json) {
    io.stdout(
      `${JSON.stringify({ carrier: def.id, trackingNumber: tracking, status, rawCode: last?.rawCode ?? null, rawText: last?.rawText ?? null, timeline: events })}\n`,
    )
  } else {
    io.stdout(`${def.displayName} ${tracking}: ${status ?? 'bilinmiyor / unknown'}${last ? ` (${last.rawCode} ${last.rawText})` : ''}\n`)
    for (const e of events) io.stdout(`  ${e.at}  ${(e.status ?? '?').padEnd(18)} ${e.rawCode.padEnd(8)} ${e.rawText}${e.location ? ` — ${e.location}` : ''}\n`)
  }
  return 0
}

export const trackCommand: CliCommand = {
  name: 'track',
  summary: "Ask a carrier for a shipment's status and timeline",
  usage:
    'station track --carrier ID --tracking NO [--base-url URL] [credentials] [--timeout-ms N] [--json]\n' +
    CARRIER_FLAGS_USAGE +
    '\n  --json prints {"carrier","trackingNumber","status","rawCode","rawText","timeline":[{"status","rawCode","rawText","at","location"}]}.\n' +
    '  status is the normalized vocabulary (created, picked_up, in_transit, out_for_delivery, delivered, failed_attempt,\n' +
    '  delayed, exception, return_in_transit, returned_to_sender, cancelled) or null when no code is known; an unknown\n' +
    '  carrier code is kept raw and never taken for delivered.\n' +
    'Exit 0 on an answer, 2 on bad flags (nothing sent), 1 when the carrier refuses or cannot be reached.',
  run,
}
