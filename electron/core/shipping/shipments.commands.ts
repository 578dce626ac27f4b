import type { CommandHandlers } from '../../../shared/contract/commands'
import type { CarrierConnector } from '../carriers/carrier.port'
import type { Db } from '../db/database'
import { cancelShipment } from './shipment-canceller'
import { searchShipments } from './shipment-search'

/** Supervisors: void a bought label with its carrier and reopen the order (shipment-canceller.ts); everyone: search (shipment-search.ts). */
export function shipmentsCommands(
  deps: Readonly<{ db: Db; connectors: ReadonlyMap<string, CarrierConnector>; carrierNames: ReadonlyMap<string, string> }>,
): Pick<CommandHandlers, 'shipments.cancel' | 'shipments.search'> {
  return {
    'shipments.search': async (input) => searchShipments(deps.db, input.query, deps.carrierNames),
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
