import { AppError, ErrorCode } from '../../../../shared/errors'
import { msg } from '../../../../shared/i18n/notice-codes'
import { countZplLabels, firstBarcodeInZpl } from '../../../../shared/zpl/zpl-barcode'
import type { CallOptions, CarrierConnector, CreatedShipment, ShipmentRequest } from '../carrier.port'

export const MARKETPLACE_CARRIER_ID = 'marketplace'

/** The marketplace-issued label stored with an order (orders.marketplace_label_zpl), or null. */
export type MarketplaceLabelSource = (orderNumber: string) => Promise<Readonly<{ zpl: string; marketplace: string | null }> | null>

/**
 * Marketplace-issued labels (e.g. Trendyol's common label, docs/reference/carriers.md §8) through the same flow as a
 * bought one: the "purchase" takes the ZPL that came with the order from the cloud, so the label is
 * recorded, printed once from the persistent queue, reprinted and scan-back checked like any other.
 * Nothing is bought: the marketplace already did. The ZPL passes through untouched.
 */
export class MarketplaceLabelConnector implements CarrierConnector {
  readonly id = MARKETPLACE_CARRIER_ID
  readonly displayName = 'Pazaryeri etiketi / Marketplace label'

  constructor(private readonly source: MarketplaceLabelSource) {}

  async createShipment(request: ShipmentRequest, _options: CallOptions): Promise<CreatedShipment> {
    const label = await this.source(request.orderNumber)
    if (!label) throw new AppError(ErrorCode.wrongState, msg('marketplace.noLabel', { orderNumber: request.orderNumber }))
    const zpl = label.zpl.trim()
    if (!zpl.startsWith('^XA') || !zpl.endsWith('^XZ')) {
      throw new AppError(ErrorCode.carrierBadResponse, msg('marketplace.notZpl', { orderNumber: request.orderNumber }), { retryable: false })
    }
    const boxes = countZplLabels(zpl)
    if (boxes !== request.packages.length) {
      throw new AppError(
        ErrorCode.carrierValidation,
        `${request.orderNumber}: pazaryeri ${boxes} koli etiketi verdi, ${request.packages.length} koli var / the marketplace label has ${boxes} box label(s) for ${request.packages.length} package(s)`,
        {
          retryable: false,
        },
      )
    }
    const barcode = firstBarcodeInZpl(zpl)
    if (!barcode)
      throw new AppError(ErrorCode.carrierBadResponse, `${request.orderNumber}: pazaryeri etiketinde barkod yok / the marketplace label carries no barcode`, {
        retryable: false,
      })
    return {
      carrierShipmentId: barcode,
      trackingNumber: barcode,
      barcode,
      trackingUrl: null,
      labelFormat: 'zpl',
      label: new Uint8Array(Buffer.from(zpl, 'utf8')),
      costKurus: null,
    }
  }
}
