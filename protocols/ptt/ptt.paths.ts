/**
 * Service paths of PTT's two SOAP services (docs/reference/carriers.md §4): acceptance PttVeriYukleme (its test twin
 * PttVeriYuklemeTest) and tracking GonderiTakipV2, on https://pttws.ptt.gov.tr or an emulator's origin. The
 * connector (electron/core/carriers/ptt) calls them and the emulator (sandbox/ptt) serves them.
 */
export const PttPath = {
  acceptance: '/PttVeriYukleme/services/Sorgu',
  acceptanceTest: '/PttVeriYuklemeTest/services/Sorgu',
  tracking: '/GonderiTakipV2/services/Sorgu',
} as const
