/**
 * MNG Kargo / DHL eCommerce Türkiye "Apizone" (REST) vocabulary, read by the connector (electron/core/carriers/mng)
 * and the emulator (sandbox/mng). Source: docs/reference/carriers.md §3 (MNG's API portal [MNG-VOX, MNG-KUKA]).
 */

/** shipmentStatusCode values 1–8. */
export const MngStatusCode = {
  prepared: 1,
  inTransfer: 2,
  atDeliveryUnit: 3,
  toRecipientAddress: 4,
  delivered: 5,
  notDelivered: 6,
  returning: 7,
  supportNeeded: 8,
} as const
export type MngStatusCode = (typeof MngStatusCode)[keyof typeof MngStatusCode]

/** The names eventStatus / shipmentStatus carry for each code. */
export const MNG_STATUS_NAMES: Readonly<Record<MngStatusCode, string>> = {
  1: 'Gönderi_Hazırlandı',
  2: 'Transfer_Aşamasında',
  3: 'Teslimat_Birimine_Ulaştı',
  4: 'Alıcı_Adresine_Yönlendirildi',
  5: 'Teslim_Edildi',
  6: 'Teslim_Edilemedi',
  7: 'Geri_Geliyor',
  8: 'Destek_Gerekiyor',
}

/** The only error.Code values §3 documents (MNG publishes no list). */
export const MngDocumentedErrorCode = {
  /** "BU SİPARİS NUMARASINA AİT KAYIT ZATEN VAR!": the referenceId exists (skip to createbarcode). */
  duplicateOrder: '3002',
  /** "VARIŞ ŞUBESİ BULUNAMADI": the destination branch is not resolved yet, right after createOrder (retry in ~5–10 s). */
  destinationBranchNotFound: '20001',
} as const

/** The documented wording of those two. */
export const MngDocumentedMessage = {
  duplicateOrder: 'BU SİPARİS NUMARASINA AİT KAYIT ZATEN VAR!',
  destinationBranchNotFound: 'VARIŞ ŞUBESİ BULUNAMADI',
} as const
