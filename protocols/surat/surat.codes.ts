/**
 * Sürat Kargo's result codes of the create operations, read by the connector (electron/core/carriers/surat) and the
 * emulator (sandbox/surat). Source: docs/reference/carriers.md §5 (the codes as HT, a published client, lists them).
 * The operations answer "Tamam" or a code inside a message ("009 - …", "[009]").
 */
export const SuratCode = {
  badCredentials: '001',
  nameMissing: '002',
  addressMissing: '003',
  ilIlceMissing: '004',
  desiKg: '006',
  duplicate: '009',
  noContract: '018',
  phoneFormat: '019',
  phoneDigits: '020',
  phoneWrong: '021',
  phonePrefix: '022',
  phoneWrongToo: '023',
  phoneLength: '024',
  retry: '038',
  systemError: '042',
  /** The account may not create barcodes: use OrtakBarkodOlustur. */
  noBarcodePermission: '050',
} as const
export type SuratCode = (typeof SuratCode)[keyof typeof SuratCode]

/** Codes that mean success besides "Tamam". */
export const SURAT_OK_CODES: ReadonlySet<string> = new Set(['010', '011', '012', '013', '014', '015', '016', '039'])

/**
 * KargonunDurumuSayi (tracking) as HT groups it (docs/reference/carriers.md §5): 1 created; 2, 3, 4, 5, 7, 11 on the
 * way; 6, 14 delivered; 9, 13 returned. Sürat publishes no meaning for the numbers (confidence L): nothing finer
 * than these groups is claimed. The connector maps the groups to our tracking statuses; the emulator ends a
 * shipment's walk at a delivered or returned one.
 */
export const SuratStatusCodes = {
  created: [1],
  onTheWay: [2, 3, 4, 5, 7, 11],
  delivered: [6, 14],
  returned: [9, 13],
} as const satisfies Readonly<Record<string, readonly number[]>>
export type SuratStatusGroup = keyof typeof SuratStatusCodes
