import { LabelFormat } from '../../../shared/domain/shipment'

/**
 * The label format a shipment with `carrierId` asks for: that carrier's own `labelFormat` setting
 * (station.json `carriers.<id>.labelFormat`, where its settings have one, as ComToHome's do), else ZPL,
 * what the desk's Zebra prints as is.
 */
export function labelFormatFor(sections: object, carrierId: string): LabelFormat {
  const section: unknown = (sections as Record<string, unknown>)[carrierId]
  const format = section && typeof section === 'object' ? (section as { labelFormat?: unknown }).labelFormat : undefined
  return format === LabelFormat.pdf ? LabelFormat.pdf : LabelFormat.zpl
}
