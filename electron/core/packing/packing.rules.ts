import { isValidGtin, looksLikeGtin } from '../../../shared/gs1'
import type { Order, OrderLine } from '../../../shared/domain/order'
import { AppError, ErrorCode } from '../../../shared/errors'
import { msg } from '../../../shared/i18n/notice-codes'

/** Weight tolerance: the larger of an absolute band and a percentage of the expected weight. */
export type WeightTolerance = Readonly<{ absGrams: number; pct: number }>

/**
 * Finds the order line a scanned item code belongs to (GTIN or SKU, case-insensitive SKU).
 * Refuses with the reason: malformed GTIN, not in this order, or already complete.
 */
export function matchItem(order: Order, rawCode: string): OrderLine {
  const code = rawCode.trim()
  if (looksLikeGtin(code) && !isValidGtin(code)) {
    throw new AppError(ErrorCode.scanMalformed, msg('scan.checkDigit', { code }), {
      meta: { code },
    })
  }
  const upper = code.toLocaleUpperCase('tr-TR')
  const candidates = order.lines.filter((l) => l.gtin === code || l.sku.toLocaleUpperCase('tr-TR') === upper)
  if (candidates.length === 0) {
    throw new AppError(ErrorCode.itemNotInOrder, msg('item.notInOrder', { code }), { meta: { code } })
  }
  const open = candidates.find((l) => l.packedQuantity < l.quantity)
  if (!open) {
    const line = candidates[0]!
    throw new AppError(ErrorCode.itemOverQuantity, msg('item.allOfLineScanned', { name: line.name, quantity: line.quantity }), {
      meta: { code, sku: line.sku, quantity: line.quantity },
    })
  }
  return open
}

export function allItemsScanned(order: Pick<Order, 'lines'>): boolean {
  return order.lines.every((l) => l.packedQuantity >= l.quantity)
}

export function allowedDeviationGrams(expectedGrams: number, tol: WeightTolerance): number {
  return Math.max(tol.absGrams, Math.round((expectedGrams * tol.pct) / 100))
}

/** Stops the desk when the measured weight is outside tolerance of items + box tare. */
export function checkWeight(expectedGrams: number, measuredGrams: number, tol: WeightTolerance): AppError | null {
  const allowed = allowedDeviationGrams(expectedGrams, tol)
  const diff = measuredGrams - expectedGrams
  if (Math.abs(diff) <= allowed) return null
  return new AppError(ErrorCode.weightOutOfTolerance, msg('weight.mismatch', { expectedGrams, measuredGrams, allowedGrams: allowed }), {
    meta: { expectedGrams, measuredGrams, allowedGrams: allowed, diffGrams: diff },
  })
}

/** Problems a supervisor badge may override (recorded in audit_log). */
// An unresolved address may be shipped as written once a supervisor has checked it with the customer.
export const SUPERVISOR_OVERRIDABLE: ReadonlySet<string> = new Set([ErrorCode.weightOutOfTolerance, ErrorCode.noEligibleCarrier, ErrorCode.addressUnresolved])

/** Scanner command codes: letters and digits only, so a US-layout scanner on a Turkish-Q keyboard reads them the same. */
export const CommandCode = {
  cancel: 'KJCANCEL',
  retry: 'KJRETRY',
  reprint: 'KJREPRINT',
  /** One more parcel for the open order (multi-package orders). */
  nextParcel: 'KJNEXTPKG',
} as const
