/**
 * A multi-parcel shipment prints one label per parcel, each marked "KOLİ i/N" on the label itself (the carrier's
 * ZPL is kept as it is; the mark is added at the top right, beside the carrier's own fields) and tagged with a ^FX
 * comment the reprint finds the parcel's label by.
 */
import { fillTemplate } from '../../../shared/i18n/notice-text'
import { PRINTED } from '../../../shared/i18n/printed'

export type Piece = Readonly<{ index: number; count: number }>

const TAG = /\^FXKJ-PIECE (\d+)\/(\d+)\^FS/

/** The label with its parcel mark, inserted before the format's last ^XZ; a label without ^XZ is refused (not ZPL). */
export function markPiece(zpl: string, piece: Piece, options: { text?: boolean } = {}): string {
  const { index, count } = piece
  if (!Number.isInteger(index) || !Number.isInteger(count) || index < 1 || index > count) {
    throw new RangeError(`parcel ${index}/${count}: the index must be 1…${count}`)
  }
  const end = zpl.lastIndexOf('^XZ')
  if (end < 0) throw new RangeError('the label has no ^XZ: it is not a ZPL format')
  // ^CI28 (UTF-8) for the İ: a format that set another code page (a rasterized PDF sets none) still prints it right.
  const text = options.text === false ? '' : `^CI28^FO540,20^GB260,84,4^FS^FO556,36^A0N,56,56^FD${fillTemplate(PRINTED.label.parcel, { index, count })}^FS\n`
  return `${zpl.slice(0, end)}^FXKJ-PIECE ${index}/${count}^FS\n${text}${zpl.slice(end)}`
}

/** The parcel a label was marked for, or null (a single-parcel label). */
export function pieceOf(zpl: string): Piece | null {
  const m = TAG.exec(zpl)
  return m ? { index: Number(m[1]), count: Number(m[2]) } : null
}
