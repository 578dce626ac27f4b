import { beforeAll, describe, expect, it } from 'vitest'
import { HttpFault } from '../../../../sandbox/common/http-emulator'
import { SAMPLE_KOLAYGELSIN_SETTINGS } from '../../../../sandbox/kolaygelsin/kolaygelsin.fixtures'
import { DEFAULT_KG_ACCOUNT, startKolayGelsinEmulator } from '../../../../sandbox/kolaygelsin/kolaygelsin.emulator'
import { AppError, ErrorCode } from '../../../../shared/errors'
import { startedPerKey } from '../../../../tests/support/around-tests'
import { KgMethod, KolayGelsinClient } from './kolaygelsin.client'
import { kgErrorToAppError } from './kolaygelsin.errors'

// Every documented refusal over real HTTP, through the real client, with errors sent as HTTP 200
// (the doc's reading) and as HTTP 500 (the swagger's).
const statuses = [200, 500] as const
// One emulator per error status, and (key 0) one whose account has no webhook integration.
const keys = [...statuses, 0] as const
const emu = startedPerKey('the Kolay Gelsin emulators', keys, (s) =>
  startKolayGelsinEmulator(
    s === 0
      ? { accounts: [{ ...DEFAULT_KG_ACCOUNT, webhookIntegrated: false }] }
      : { errorHttpStatus: s, accounts: [{ ...DEFAULT_KG_ACCOUNT, codAllowed: false, coveredCityIds: [34] }] },
  ),
)
// The bodies follow the published schema (the emulator refuses others with 400): shipments name a saved RecipientId.
const SAVED = { RecipientId: 0 }
beforeAll(async () => {
  const ids = new Set<number>()
  for (const e of keys.map(emu)) {
    const r = await new KolayGelsinClient({ origin: e.origin, token: SAMPLE_KOLAYGELSIN_SETTINGS.token }).call(KgMethod.saveRecipient, recipient)
    if (r.ok) ids.add((r.payload as { recipientid: number }).recipientid) // the client lower-cases keys
  }
  expect(ids.size).toBe(1) // fresh emulators number recipients alike
  SAVED.RecipientId = [...ids][0] ?? 0
})

const recipient = {
  RecipientType: 1,
  RecipientName: 'Ali',
  RecipientSurname: 'Veli',
  Gsm: '5321234567',
  Address: { CityId: 34, TownName: 'Kadıköy', AddressText: 'Koşuyolu Mh. Mehmet Akman Sk. No:1' },
}
const address = (over: Record<string, unknown>) => ({ ...recipient, Address: { ...recipient.Address, ...over } })
const shipment = (over: Record<string, unknown>) => ({
  SenderCustomer: { CustomerId: 20, Address: { AddressId: 28 } },
  Recipient: SAVED,
  PackageType: 2,
  CustomerSpecificCode: 'C1',
  ShipmentItemList: [{ Weight: 1, CustomerTrackingId: 'C101' }],
  ...over,
})
const E = ErrorCode

const CASES: readonly (readonly [string, KgMethod, Record<string, unknown>, ErrorCode])[] = [
  ['CustomerNotFound', KgMethod.saveIntegrationShipment, shipment({ SenderCustomer: { CustomerId: 1, Address: { AddressId: 28 } } }), E.carrierAuth],
  ['Adres müşteriye ait değil', KgMethod.saveIntegrationShipment, shipment({ SenderCustomer: { CustomerId: 20, Address: { AddressId: 1 } } }), E.carrierAuth],
  ['NoContactsFound', KgMethod.saveIntegrationShipment, shipment({ Recipient: { RecipientId: 999 } }), E.carrierValidation],
  ['ErrorSavingReceiver', KgMethod.saveRecipient, address({ TownName: '' }), E.carrierValidation],
  ['IdentityNumberEntryIsRequired', KgMethod.saveRecipient, { ...recipient, OnlyDeliverToRecipient: true }, E.carrierValidation],
  ['IdentityNumberNotValid', KgMethod.saveRecipient, { ...recipient, OnlyDeliverToRecipient: true, RecipientIdentityNumber: '1' }, E.carrierValidation],
  [
    'TaxIdentificationNumberInputIsRequired',
    KgMethod.saveRecipient,
    { ...recipient, RecipientType: 2, RecipientTitle: 'X AŞ', OnlyDeliverToRecipient: true },
    E.carrierValidation,
  ],
  [
    'TaxIdentificationNumberNotValid',
    KgMethod.saveRecipient,
    { ...recipient, RecipientType: 2, RecipientTitle: 'X AŞ', OnlyDeliverToRecipient: true, RecipientTaxIdentityNumber: 'x' },
    E.carrierValidation,
  ],
  ['Alici kimlik numarasinda gecersiz karakterler bulunuyor', KgMethod.saveRecipient, { ...recipient, RecipientIdentityNumber: '1a' }, E.carrierValidation],
  [
    'Alici vergi kimlik numarasinda gecersiz karakterler bulunuyor',
    KgMethod.saveRecipient,
    { ...recipient, RecipientType: 2, RecipientTitle: 'X AŞ', RecipientTaxIdentityNumber: '1a' },
    E.carrierValidation,
  ],
  ['CityNotFound', KgMethod.saveRecipient, address({ CityId: 99 }), E.carrierAddressUnresolved],
  ['GeoCodeFail', KgMethod.saveRecipient, address({ AddressText: '123 456' }), E.carrierAddressUnresolved],
  ['Bu kordinatta kurye çalışma alanı bulunamamıştır.', KgMethod.saveRecipient, address({ CityId: 6 }), E.carrierServiceUnsupported],
  ['SomethingWentWrong', KgMethod.saveIntegrationShipment, shipment({ ShipmentItemList: [] }), E.carrierValidation],
  ['MoveOptionNotFound', KgMethod.saveIntegrationShipment, shipment({ PackageType: 0 }), E.carrierValidation],
  ['Tahsilatlı kargo yapılamaz.', KgMethod.saveIntegrationShipment, shipment({ SenderInvoiceAmount: 20 }), E.carrierServiceUnsupported],
  ['Parametrelerin hepsi boş olamaz', KgMethod.getCorporateShipmentsStatus, { OnlyLatestEvents: true }, E.carrierValidation],
]

describe.each(statuses)('refusals sent with HTTP %i', (status) => {
  const client = () => new KolayGelsinClient({ origin: emu(status).origin, token: SAMPLE_KOLAYGELSIN_SETTINGS.token, timeoutMs: 2000 })

  it.each(CASES)('%s', async (message, method, body, code) => {
    const r = await client().call(method, body)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.failure).toMatchObject({ httpStatus: status, message })
    expect(kgErrorToAppError(r.failure, method)).toMatchObject({ code, retryable: false, meta: { kgError: message } })
  })
})

describe('transport failures', () => {
  const client = () => new KolayGelsinClient({ origin: emu(200).origin, token: SAMPLE_KOLAYGELSIN_SETTINGS.token, timeoutMs: 2000 })
  it.each([
    [HttpFault.http500, ErrorCode.carrierUnavailable, true],
    [HttpFault.http429, ErrorCode.carrierRateLimited, true],
    [HttpFault.malformed, ErrorCode.carrierBadResponse, true],
    [HttpFault.halfResponse, ErrorCode.carrierBadResponse, true],
    [HttpFault.connectionReset, ErrorCode.carrierUnavailable, true],
  ] as const)('%s → %s (retryable %s)', async (fault, code, retryable) => {
    emu(200).faults.queue([fault])
    const err = await client()
      .call(KgMethod.saveRecipient, recipient)
      .then(
        () => null,
        (e: unknown) => e,
      )
    expect(err).toBeInstanceOf(AppError)
    expect(err).toMatchObject({ code, retryable })
  })

  it('the status query of a customer without a webhook definition: CustomerNotFound', async () => {
    const c = new KolayGelsinClient({ origin: emu(0).origin, token: SAMPLE_KOLAYGELSIN_SETTINGS.token })
    const r = await c.call(KgMethod.getCorporateShipmentsStatus, { CustomerSpecificCodeList: ['X'], OnlyLatestEvents: true })
    expect(r.ok ? null : kgErrorToAppError(r.failure, 'GetCorporateShipmentsStatus')).toMatchObject({
      code: ErrorCode.carrierAuth,
      meta: { kgError: 'CustomerNotFound' },
    })
  })
})
