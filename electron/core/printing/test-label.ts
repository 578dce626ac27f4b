import type { ShippingLabelInput } from '../../../shared/label'
import { buildShippingLabel, type LabelDpi, type LabelSize } from '../devices/printer/zpl/shipping-label.zpl'

/** The line that marks the sheet as a test, in the recipient's address (the biggest free text on the label). */
export const TEST_LABEL_LINE = 'TEST — DENEME ETİKETİ / TEST LABEL'

/**
 * Fixed sample data for the settings screen's "print test label": the desk's own label layout with
 * every field filled, Turkish letters that fonts often lack (ğ Ğ İ ı ş Ş), and a Code 128 a
 * scanner can check. It belongs to no order and no carrier; "TEST" is in the header and in place
 * of the street address, so the sheet can never pass for a real shipping label.
 */
export const TEST_LABEL_SAMPLE: ShippingLabelInput = {
  orderNumber: 'TEST-0001',
  carrier: 'Test etiketi',
  trackingNumber: 'KJTEST0000001',
  barcode: 'KJTEST0000001',
  sender: { name: 'KargoJet Station', address: 'Yazıcı deneme çıktısı', district: 'Şişli', city: 'İstanbul', phone: '+902123456789' },
  recipient: { name: 'Ğülşen Işık İnce', address: TEST_LABEL_LINE, district: 'Kağıthane', city: 'İstanbul', postalCode: '34410', phone: '05321234567' },
  packageIndex: 1,
  packageCount: 1,
  desi: 1,
  weightKg: 1,
  codAmountKurus: null,
}

/** The test label as ZPL, at the configured printer's dpi and label stock. */
export function buildTestLabel(options: Readonly<{ dpi: LabelDpi; size: LabelSize; date?: Date }>): string {
  return buildShippingLabel(TEST_LABEL_SAMPLE, { dpi: options.dpi, size: options.size, date: options.date })
}
