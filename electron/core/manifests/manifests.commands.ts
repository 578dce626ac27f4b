import type { CommandHandlers } from '../../../shared/contract/commands'
import { AppError, ErrorCode } from '../../../shared/errors'
import { msg } from '../../../shared/i18n/notice-codes'
import type { Address } from '../../../shared/domain/address'
import type { CarrierConnector } from '../carriers/carrier.port'
import { findCarrier } from '../carriers/carrier-registry'
import { capabilitiesOf } from '../carriers/carrier-capabilities'
import type { Db } from '../db/database'
import type { LabelSink } from '../printing/label-sink.port'
import { buildManifest, turkeyToday } from './manifest.repository'
import { manifestToPdf } from './manifest.pdf'
import { manifestToZpl } from './manifest.zpl'

type ManifestCommands = Pick<CommandHandlers, 'manifests.build' | 'manifests.print' | 'carriers.requestPickup'>

/** End-of-day manifests per carrier: as a PDF for the office printer, or on the desk's Zebra. */
export function manifestsCommands(
  deps: Readonly<{ db: Db; connectors: ReadonlyMap<string, CarrierConnector>; sender: Address; sink: LabelSink; dpi: 203 | 300 }>,
): ManifestCommands {
  const manifest = async (carrierId: string, day: string | undefined) => {
    const connector = deps.connectors.get(carrierId)
    if (!connector) throw new AppError(ErrorCode.inputInvalid, msg('manifest.notACarrier', { carrierId }), { meta: { field: 'carrierId' } })
    return buildManifest(deps.db, { carrierId, carrierName: connector.displayName, day: day ?? turkeyToday(), sender: deps.sender.name })
  }
  return {
    'manifests.build': async ({ carrierId, day }) => {
      const m = await manifest(carrierId, day)
      return { manifest: m, pdfBase64: Buffer.from(await manifestToPdf(m)).toString('base64') }
    },
    'manifests.print': async ({ carrierId, day }) => {
      const m = await manifest(carrierId, day)
      // Straight to the label printer: a manifest is a list, not a label, and may be printed again at will.
      await deps.sink.print(new Uint8Array(Buffer.from(manifestToZpl(m, { dpi: deps.dpi }), 'utf8')))
      return { manifest: m, pdfBase64: null }
    },
    'carriers.requestPickup': async ({ carrierId, parcels }) => {
      const def = findCarrier(carrierId)
      const connector = deps.connectors.get(carrierId)
      if (capabilitiesOf(carrierId).pickup !== 'request' || !def?.requestPickup || !connector)
        throw new AppError(ErrorCode.inputInvalid, msg('pickup.unsupported', { carrierId }), { meta: { field: 'carrierId' } })
      // Default: today's manifest, so the courier comes for what is on the list.
      const m = await manifest(carrierId, undefined)
      const count = parcels ?? m.totals.packages
      if (count < 1) throw new AppError(ErrorCode.inputInvalid, msg('pickup.noParcels'), { meta: { field: 'parcels' } })
      const r = await def.requestPickup(connector, {
        sender: deps.sender,
        parcels: count,
        weightGrams: Math.round(m.totals.weightKg * 1000) || undefined,
        desi: m.totals.desi || undefined,
      })
      return { carrierId, pickupId: r.pickupId, message: r.message, parcels: count }
    },
  }
}
