/**
 * PTT Kargo's result codes (hataKodu, donguHataKodu, sonucKodu), read by the connector (electron/core/carriers/ptt) and
 * the emulator (sandbox/ptt). Source: docs/reference/carriers.md §4. Only -1 "Kullanıcı Şifre Hatalı" (bad
 * credentials) is documented, and success is 1 or 0 depending on the source. Every other value is not from PTT's
 * documents: the placeholders our emulator sends, all negative so they never collide with either reading of success.
 * The connector reads them as hints and falls back on the Turkish text for a code it does not know.
 */
export const PttCode = {
  /** Documented (§4: HT and BX agree). */
  auth: '-1',
  missingField: '-2',
  duplicateBarcode: '-3',
  checkDigit: '-4',
  outOfRange: '-5',
  invalidField: '-6',
  address: '-7',
  notFound: '-8',
  alreadyAccepted: '-9',
  systemError: '-99',
} as const
export type PttCode = (typeof PttCode)[keyof typeof PttCode]

/** PTT's documented wording of -1. */
export const PTT_AUTH_TEXT = 'Kullanıcı Şifre Hatalı'
