/**
 * PTT Kargo's documented result code (hataKodu, donguHataKodu, sonucKodu), read by the connector
 * (electron/core/carriers/ptt) and the emulator (sandbox/ptt). Source: docs/reference/carriers.md §4. Only -1
 * "Kullanıcı Şifre Hatalı" (bad credentials) is documented, and success is 1 or 0 depending on the source.
 * Every other code is unpublished: the connector reads such a refusal by its Turkish text, and the
 * emulator's own codes are placeholders kept in sandbox/ptt/ptt.config.ts.
 */
export const PTT_AUTH_CODE = '-1'

/** PTT's documented wording of -1. */
export const PTT_AUTH_TEXT = 'Kullanıcı Şifre Hatalı'
