import { z } from 'zod'

/**
 * Shapes of PTT's answers (docs/reference/carriers.md §4), checked before use. XML leaves arrive as strings (an
 * empty element as ""); `dongu` is always an array (the parser makes it one).
 */

const emptyAsObject = (v: unknown) => (v === '' || v === null ? {} : v)
const code = z.string().trim().min(1, 'the result code is empty')
const optText = z
  .string()
  .optional()
  .transform((v) => v?.trim() ?? '')
const rows = <S extends z.ZodType>(row: S) => z.array(z.preprocess(emptyAsObject, row)).default([])

/** kabulEkle2 return{hataKodu, aciklama, dongu[]{barkod, donguHataKodu, donguSonuc, donguAciklama}}. */
export const kabulReturnSchema = z.object({
  hataKodu: code,
  aciklama: optText,
  dongu: rows(z.object({ barkod: optText, donguHataKodu: optText, donguSonuc: optText, donguAciklama: optText })),
})
export type KabulReturn = z.output<typeof kabulReturnSchema>
export type KabulDonguResult = KabulReturn['dongu'][number]

/** etiketGetir return{hataKodu, aciklama, epl_format} (§4 [BX]). */
export const etiketReturnSchema = z.object({ hataKodu: code, aciklama: optText, epl_format: z.string().optional() })
export type EtiketReturn = z.output<typeof etiketReturnSchema>

/** barkodVeriSil return (OutputDelete){hataKodu, aciklama}. */
export const silReturnSchema = z.object({ hataKodu: code, aciklama: optText })
export type SilReturn = z.output<typeof silReturnSchema>

/** siparisIstekEkle2 return (OutputIstek){sonucKodu, sonucAciklama, siparisId}. */
export const siparisReturnSchema = z.object({ sonucKodu: optText, sonucAciklama: optText, siparisId: optText })
export type SiparisReturn = z.output<typeof siparisReturnSchema>

/** One tracking event: siraNo, ISLEM (text), ITARIH (dd/MM/yyyy), IMERK (office); ISAAT (time) when PTT sends it. */
export const takipEventSchema = z.object({ siraNo: optText, ISLEM: optText, ITARIH: optText, ISAAT: optText, IMERK: optText })
export type TakipEvent = z.output<typeof takipEventSchema>

/** gonderiSorgu return{sonucKodu, sonucAciklama, BARNO, ALICI, GONDEREN, GR, VMERK, TESALAN, dongu[]} (§4). */
export const takipReturnSchema = z.object({
  sonucKodu: optText,
  sonucAciklama: optText,
  BARNO: optText,
  ALICI: optText,
  GONDEREN: optText,
  GR: optText,
  VMERK: optText,
  TESALAN: optText,
  dongu: rows(takipEventSchema),
})
export type TakipReturn = z.output<typeof takipReturnSchema>
