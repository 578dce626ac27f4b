import { describe, expect, it } from 'vitest'
import { KgMessage } from '../../../../sandbox/kolaygelsin/kolaygelsin.emulator'
import { ErrorCode } from '../../../../shared/errors'
import { kgErrorToAppError, KG_ERRORS } from './kolaygelsin.errors'

const E = ErrorCode
const TABLE: readonly (readonly [string, number, ErrorCode])[] = [
  ['CustomerNotFound', 500, E.carrierAuth],
  ['Adres müşteriye ait değil', 404.1, E.carrierAuth],
  ['NoContactsFound', 500, E.carrierValidation],
  ['ErrorSavingReceiver', 500, E.carrierValidation],
  ['IdentityNumberEntryIsRequired', 500, E.carrierValidation],
  ['IdentityNumberNotValid', 500, E.carrierValidation],
  ['TaxIdentificationNumberInputIsRequired', 500, E.carrierValidation],
  ['TaxIdentificationNumberNotValid', 500, E.carrierValidation],
  ['Alici kimlik numarasinda gecersiz karakterler bulunuyor', 500, E.carrierValidation],
  ['Alici vergi kimlik numarasinda gecersiz karakterler bulunuyor', 500, E.carrierValidation],
  ['CityNotFound', 500, E.carrierAddressUnresolved],
  ['GeoCodeFail', 500, E.carrierAddressUnresolved],
  ['Bu kordinatta kurye çalışma alanı bulunamamıştır.', 500, E.carrierServiceUnsupported],
  ['SomethingWentWrong', 500, E.carrierValidation],
  ['MoveOptionNotFound', 500, E.carrierValidation],
  ['Tahsilatlı kargo yapılamaz.', 500, E.carrierServiceUnsupported],
  ['Parametrelerin hepsi boş olamaz', 500, E.carrierValidation],
]

describe('documented ResultMessages → ErrorCode, never retryable', () => {
  it.each(TABLE)('%s (%d) → %s', (message, resultCode, code) => {
    expect(kgErrorToAppError({ httpStatus: 200, resultCode, message }, 'SaveIntegrationShipment', { customerSpecificCode: 'KJ1' })).toMatchObject({
      code,
      retryable: false,
      meta: { kgError: message, resultCode, customerSpecificCode: 'KJ1' },
    })
    // Case and surrounding spaces do not matter.
    expect(kgErrorToAppError({ httpStatus: 500, resultCode, message: ` ${message.toUpperCase()} ` }, 'x').code).toBe(code)
  })

  it('covers the whole table, and every documented message the emulator sends', () => {
    expect(TABLE.map(([m]) => m).sort()).toEqual(Object.keys(KG_ERRORS).sort())
    const undocumented: string[] = [KgMessage.orderNotSaved, KgMessage.shipmentNotFound, KgMessage.alreadyDelivered, KgMessage.duplicateCode]
    for (const m of Object.values(KgMessage).filter((m) => !undocumented.includes(m))) expect(Object.keys(KG_ERRORS)).toContain(m)
  })

  it('"Sipariş kaydedilemedi. Hata detayı: …" with any detail → carrier.validation', () => {
    expect(kgErrorToAppError({ httpStatus: 200, resultCode: 500, message: KgMessage.orderNotSaved }, 'x')).toMatchObject({
      code: E.carrierValidation,
      retryable: false,
    })
  })
})

describe('messages no document explains', () => {
  it.each([
    [401, 'Unauthorized', E.carrierAuth, false],
    [429, 'Too many', E.carrierRateLimited, true],
    [500, 'ShipmentAlreadyDelivered', E.carrierValidation, false],
    [500, 'An error has occurred.', E.carrierValidation, false],
  ] as const)('ResultCode %d "%s" → %s (retryable %s)', (resultCode, message, code, retryable) => {
    const err = kgErrorToAppError({ httpStatus: 200, resultCode, message }, 'x')
    expect(err).toMatchObject({ code, retryable })
    if (code === E.carrierValidation) expect(err.meta.unknownMessage).toBe(true)
  })
})
