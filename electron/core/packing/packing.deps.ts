import type { Address } from '../../../shared/domain/address'
import type { LabelFormat } from '../../../shared/domain/shipment'
import type { NormalizeScanOptions } from '../../../shared/scan/normalize-scan'
import type { Db } from '../db/database'
import type { PrintQueueService } from '../printing/print-queue.service'
import type { ReturnMaker } from '../returns/return-prompt'
import type { ShipmentPurchaser } from '../shipping/shipment.purchaser'
import type { OrderClaims } from '../sync/order-claims'
import type { CarrierChoiceDeps } from './carrier-choice'
import type { OrderFinisher } from './order-finisher'
import type { PackingEffect, PackingEvent } from './packing.machine'
import type { WeightTolerance } from './packing.rules'
import type { Session } from './packing.session'
import type { ReprintService } from './reprint.service'
import type { WeightSource } from './weight-source.port'

/** The desk's services the packing workflow uses (built in station.ts). */
export type PackingDeps = Readonly<{
  db: Db
  weight: WeightSource
  purchaser: ShipmentPurchaser
  finisher: OrderFinisher
  reprints: ReprintService
  printQueue: PrintQueueService
  /** Cloud claims, so two desks never pack one order (null without a cloud station id). */
  claims: OrderClaims | null
  /** Address check and carrier selection before any purchase (carrier-choice.ts). */
  choice: CarrierChoiceDeps
  sender: Address
  tolerance: WeightTolerance
  /** Per-station option: after printing, the packer scans the label and it must match the shipment. */
  scanBack: { options: NormalizeScanOptions } | null
  /** The label format to ask a carrier for (its own setting; shipment-intent.ts). */
  labelFormat: (carrierId: string) => LabelFormat
  carrierNames: ReadonlyMap<string, string>
  /** Makes the return the desk's return prompt confirms. */
  returns: ReturnMaker
}>

/**
 * The session the pipeline and the recovery paths work on, the desk's services, how progress shows on
 * screen, and `dispatch`: the one way to move the machine (packing.machine.ts), which returns the effects to carry out.
 */
export type PipelineContext = Readonly<{
  s: Session
  deps: PackingDeps
  fire: () => void
  dispatch: (event: PackingEvent) => readonly PackingEffect[]
}>
