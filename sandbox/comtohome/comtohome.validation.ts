import { resolveAddress, type AddressResolverType, type ResolvedPlace } from './comtohome.addresses'
import { FieldChecks, Msg, isObject, type FieldError, type Json } from './comtohome.checks'
import type { ComToHomeProvider, PreferenceChooser, PriceTable } from './comtohome.config'
import { packageTotals, priceLira, type PackageKgCm } from './comtohome.pricing'

/**
 * Validation of a POST /api/v1/consignments body, field by field as the tables of seed 001 say,
 * plus the checks that need the account: duplicate reference_no, provider defined for the customer,
 * special services the provider supports, uploaded document ids, il/ilçe resolution.
 * Unknown fields are ignored (the seed does not say they are rejected).
 */
export type ValidationContext = Readonly<{
  customerId: number
  providers: readonly ComToHomeProvider[]
  choosePreference: PreferenceChooser
  priceTable: PriceTable
  knownDocumentIds: readonly number[]
  isReferenceUsed: (referenceNo: string) => boolean
}>

export type ValidParty = Readonly<{
  name: string
  attentionName: string | null
  address: string
  phoneNumber: string | null
  email: string | null
  place: ResolvedPlace
}>

export type SpecialService = Readonly<{ serviceType: string; details: Json | null }>

export type ValidConsignment = Readonly<{
  provider: ComToHomeProvider
  referenceNo: string | null
  consignor: ValidParty
  consignee: ValidParty
  packages: readonly PackageKgCm[]
  specialServices: readonly SpecialService[]
  specificProviderBarcode: string | null
}>

export type ValidationResult = Readonly<{ ok: true; value: ValidConsignment }> | Readonly<{ ok: false; errors: readonly FieldError[] }>

const PARTY_FIELDS = ['consignor', 'consignee'] as const

function validateParty(c: FieldChecks, body: Json, key: (typeof PARTY_FIELDS)[number], resolverType: AddressResolverType): ValidParty | undefined {
  const party = c.object(body, key, key, true)
  if (!party) return undefined
  const p = (f: string) => `${key}.${f}`
  const name = c.string(party, 'name', p('name'), { required: true, max: 255 })
  const attentionName = c.string(party, 'attention_name', p('attention_name'), { max: 255 })
  const country = c.string(party, 'country', p('country'), { required: true, min: 2, max: 3 })
  const state = c.string(party, 'state', p('state'), { required: true, max: 100 })
  const city = c.string(party, 'city', p('city'), { required: true, max: 100 })
  const postalCode = c.string(party, 'postal_code', p('postal_code'), { max: 30 })
  const address = c.string(party, 'address', p('address'), { required: true, max: 1000 })
  const phoneNumber = c.string(party, 'phone_number', p('phone_number'), { max: 20 })
  const email = c.string(party, 'email', p('email'), { max: 255 })
  // Seed 001: "Gönderen ve alıcı adreslerinin her ikisi de Türkiye sınırları içinde olmalıdır."
  if (country !== undefined && !['TR', 'TUR'].includes(country.toUpperCase())) c.add(p('country'), Msg.domesticOnly)

  if (state === undefined || city === undefined || c.has(p('postal_code'))) return undefined
  const resolved = resolveAddress(resolverType, { state, city, postalCode: postalCode || null })
  if (!resolved.ok) {
    for (const problem of resolved.problems) c.add(p(problem.field), problem.message)
    return undefined
  }
  if (name === undefined || address === undefined) return undefined
  return {
    name,
    attentionName: attentionName || null,
    address,
    phoneNumber: phoneNumber || null,
    email: email || null,
    place: resolved.place,
  }
}

function validatePackages(c: FieldChecks, body: Json): PackageKgCm[] | undefined {
  const list = c.array(body, 'packages', 'packages', true)
  if (!list) return undefined
  const out: PackageKgCm[] = []
  list.forEach((raw, i) => {
    const at = `packages[${i}]`
    if (!isObject(raw)) return c.add(at, Msg.type('array'))
    c.int(raw, 'package_type', `${at}.package_type`, true)
    c.string(raw, 'provider_packaging_type', `${at}.provider_packaging_type`)
    c.int(raw, 'post_type', `${at}.post_type`)
    // quantity is not in the seed's package table but every seed sample sends it: optional, default 1.
    const quantity = c.int(raw, 'quantity', `${at}.quantity`)
    if (quantity !== undefined && quantity < 1) c.add(`${at}.quantity`, Msg.atLeast(1))
    const weight = c.number(raw, 'weight', `${at}.weight`, { required: true, positive: true })
    const length = c.number(raw, 'length', `${at}.length`, { required: true, positive: true })
    const width = c.number(raw, 'width', `${at}.width`, { required: true, positive: true })
    const height = c.number(raw, 'height', `${at}.height`, { required: true, positive: true })
    const items = c.array(raw, 'items', `${at}.items`)
    items?.forEach((item, j) => {
      const it = `${at}.items[${j}]`
      if (!isObject(item)) return c.add(it, Msg.type('array'))
      c.number(item, 'unit_price', `${it}.unit_price`)
      c.int(item, 'quantity', `${it}.quantity`)
      c.string(item, 'description', `${it}.description`, { max: 255 })
      c.string(item, 'category', `${it}.category`, { max: 255 })
      c.string(item, 'origin', `${it}.origin`, { min: 2, max: 3 })
      c.string(item, 'currency_code', `${it}.currency_code`, { exact: 3 })
    })
    if (weight !== undefined && length !== undefined && width !== undefined && height !== undefined) {
      out.push({ weight, length, width, height, quantity: quantity !== undefined && quantity >= 1 ? quantity : 1 })
    }
  })
  return out.length === list.length ? out : undefined
}

function validateDocuments(c: FieldChecks, body: Json, knownIds: readonly number[]): void {
  const list = c.array(body, 'documents', 'documents')
  if (!list) return
  const unknown: number[] = []
  list.forEach((raw, i) => {
    if (!isObject(raw)) return c.add(`documents[${i}]`, Msg.type('array'))
    const id = c.int(raw, 'id', `documents[${i}].id`, true)
    if (id !== undefined && !knownIds.includes(id)) unknown.push(id)
  })
  if (unknown.length > 0) c.add('documents', Msg.documentsInvalid(unknown))
}

function validateSpecialServices(c: FieldChecks, body: Json): (SpecialService | undefined)[] {
  const list = c.array(body, 'special_services', 'special_services') ?? []
  return list.map((raw, i) => {
    const at = `special_services[${i}]`
    if (!isObject(raw)) return void c.add(at, Msg.type('array'))
    const serviceType = c.string(raw, 'service_type', `${at}.service_type`, { required: true })
    const details = c.object(raw, 'details', `${at}.details`)
    // Our assumption (the "Ek Hizmetler" page is not in our documents): COD needs an amount.
    if (serviceType === 'CASH_ON_DELIVERY') {
      c.number(details ?? {}, 'amount', `${at}.details.amount`, { required: true, positive: true })
    }
    return serviceType === undefined ? undefined : { serviceType, details: details ?? null }
  })
}

/** Checks everything and returns either the normalized consignment or all field errors at once. */
export function validateConsignment(body: unknown, ctx: ValidationContext): ValidationResult {
  const c = new FieldChecks()
  if (!isObject(body)) return { ok: false, errors: [{ field: null, message: Msg.type('array') }] }

  // Seed 001: provider_id is required when preference is 0 or absent; preference when provider_id is absent.
  const providerId = c.int(body, 'provider_id', 'provider_id')
  const preference = c.int(body, 'preference', 'preference')
  const providerIdSent = body.provider_id !== undefined && body.provider_id !== null
  const preferenceSent = body.preference !== undefined && body.preference !== null
  if (!providerIdSent && (!preferenceSent || preference === 0)) c.add('provider_id', 'provider_id' in body ? Msg.blank : Msg.missing)
  if (!providerIdSent && !preferenceSent) c.add('preference', 'preference' in body ? Msg.blank : Msg.missing)

  const resolverType = c.int(body, 'address_resolver_type', 'address_resolver_type') ?? 0
  if (![0, 1, 2].includes(resolverType)) c.add('address_resolver_type', Msg.choice)

  const referenceNo = c.string(body, 'reference_no', 'reference_no', { max: 255 })
  if (referenceNo && ctx.isReferenceUsed(referenceNo)) c.add('reference_no', Msg.duplicateReference(referenceNo))
  c.string(body, 'invoice_number', 'invoice_number', { max: 255 })
  c.string(body, 'specific_shipping_method', 'specific_shipping_method', { max: 255 })
  c.bool(body, 'generate_provider_barcode', 'generate_provider_barcode')
  const specificBarcode = c.string(body, 'specific_provider_barcode', 'specific_provider_barcode', { max: 255 })
  c.bool(body, 'is_pickup_requested', 'is_pickup_requested')

  const type = ([0, 1, 2] as const).find((t) => t === resolverType) ?? 0
  const consignor = validateParty(c, body, 'consignor', type)
  const consignee = validateParty(c, body, 'consignee', type)
  const packages = validatePackages(c, body)
  validateDocuments(c, body, ctx.knownDocumentIds)
  const services = validateSpecialServices(c, body)
  const serviceTypes = services.flatMap((s) => (s ? [s.serviceType] : []))

  const chargeableKg = packages ? packageTotals(packages).chargeableKg : 1
  let provider: ComToHomeProvider | undefined
  if (providerIdSent && providerId !== undefined) {
    // provider_id wins over a non-zero preference: the seed only says to send preference 0 with it.
    provider = ctx.providers.find((p) => p.id === providerId)
    if (!provider) c.add('provider_id', Msg.providerNotDefined(ctx.customerId, providerId))
  } else if (!providerIdSent && preference !== undefined && preference !== 0) {
    const priceOf = (p: ComToHomeProvider) => priceLira(ctx.priceTable, p, chargeableKg)
    provider = ctx.choosePreference({ preference, providers: ctx.providers, priceOf, serviceTypes }) ?? undefined
    if (!provider) c.add('preference', Msg.choice)
  }
  if (provider) {
    const chosen = provider
    services.forEach((s, i) => {
      // The seed's sample names these fields in camelCase, unlike every other field.
      if (s && !chosen.specialServices.includes(s.serviceType)) c.add(`specialServices[${i}].serviceType`, Msg.serviceUnsupported(s.serviceType))
    })
  }

  if (c.errors.length > 0) return { ok: false, errors: c.errors }
  // Every path that leaves one of these undefined records an error first; reaching here is a bug.
  if (!provider || !consignor || !consignee || !packages) throw new Error('ComToHome emulator: invalid body without a field error')
  return {
    ok: true,
    value: {
      provider,
      referenceNo: referenceNo || null,
      consignor,
      consignee,
      packages,
      specialServices: services.flatMap((s) => (s ? [s] : [])),
      specificProviderBarcode: provider.usesBarcodeRange && specificBarcode ? specificBarcode : null,
    },
  }
}
