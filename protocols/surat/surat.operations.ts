import { CarrierNs } from '../soap/carrier-namespaces'

/**
 * Sürat's ASMX service (docs/reference/carriers.md §5): its default namespace, with SOAPAction "http://tempuri.org/<Operation>",
 * and the operations the connector (electron/core/carriers/surat) calls and the emulator (sandbox/surat) serves.
 */
export const SURAT_NS = CarrierNs.tempuri

export const SuratOperation = {
  siparisBarkod: 'GonderiyiKargoyaGonderYeniSiparisBarkodOlustur',
  yeni: 'GonderiyiKargoyaGonderYeni',
  ortakBarkod: 'OrtakBarkodOlustur',
  kargoBarkodu: 'KargoBarkodu',
  gonderiSil: 'GonderiSil',
  gonderiGeriCek: 'GonderiGeriCek',
  takipV2: 'KargoTakipHareketDetayliV2',
} as const
export type SuratOperation = (typeof SuratOperation)[keyof typeof SuratOperation]
