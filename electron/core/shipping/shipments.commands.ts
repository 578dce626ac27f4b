import type { CommandHandlers } from '../../../shared/contract/commands'
import type { CarrierConnector } from '../carriers/carrier.port'
import type { Db } from '../db/database'
import { labelImage, type LabelPaper } from './label-image'
import { cancelShipment } from './shipment-canceller'
import { searchShipments } from './shipment-search'

/** Supervisors: void a bought label with its carrier and reopen the order (shipment-canceller.ts); everyone: search (shipment-search.ts) and the label's image (label-image.ts). */
export function shipmentsCommands(
  deps: Readonly<{ db: Db; connectors: ReadonlyMap<string, CarrierConnector>; carrierNames: ReadonlyMap<string, string>; paper: LabelPaper }>,
): Pick<CommandHandlers, 'shipments.cancel' | 'shipments.search' | 'shipments.labelImage'> {
  return {
    'shipments.search': async (input) => searchShipments(deps.db, input.query, deps.carrierNames),
    'shipments.labelImage': async (input) => labelImage(deps.db, input.shipmentId, deps.paper),
    'shipments.cancel': async (input) => {
      const s = await cancelShipment(deps, input)
      return {
        id: s.id,
        carrierName: deps.carrierNames.get(s.serviceCode) ?? s.carrierId,
        trackingNumber: s.trackingNumber,
        barcode: s.barcode,
        costKurus: s.costKurus,
        status: s.status,
      }
    },
  }
}
