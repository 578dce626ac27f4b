import type { Order } from '../../../shared/domain/order'
import type { Packer } from '../../../shared/domain/packer'
import { AppError, ErrorCode } from '../../../shared/errors'
import { isValidGtin, looksLikeGtin } from '../../../shared/gs1'
import { msg } from '../../../shared/i18n/notice-codes'
import { shownCode, type ScanKind } from './scan-classifier'

/**
 * The refusal for a scan that does not fit the step, worded by what the code is (scan-classifier.ts):
 * the packer reads what the desk saw and what to do, never "item not in order" for another order's barcode.
 * Null: the step's own handler decides (an order at an idle desk, an item of the open order…).
 */

/** No order in hand: the code is read as an order; an item, a box or an unknown code is named as such. */
export function refusalWithoutOrder(kind: ScanKind, code: string): AppError | null {
  const shown = shownCode(code)
  if (kind.kind === 'item')
    return new AppError(ErrorCode.wrongState, msg('scan.itemAtIdle', { code: shown, orderNumber: kind.orderNumber }), { meta: { code } })
  if (kind.kind === 'box') return new AppError(ErrorCode.wrongState, msg('scan.boxAtIdle', { code: shown }), { meta: { code } })
  if (kind.kind === 'unknown') return new AppError(ErrorCode.orderUnknown, msg('scan.unknownAtIdle', { code: shown }), { meta: { code } })
  return null
}

/** Items are expected: a box before the last item, another order's item, or an unknown code is named as such. */
export function refusalForItem(kind: ScanKind, code: string, open: Order, itemsStep: boolean): AppError | null {
  const shown = shownCode(code)
  if (kind.kind === 'box' && itemsStep) return new AppError(ErrorCode.itemsIncomplete, msg('scan.boxBeforeItems', { code: shown }), { meta: { code } })
  if (kind.kind === 'item' && !kind.ofOpenOrder) {
    const params = { code: shown, orderNumber: kind.orderNumber, openOrderNumber: open.orderNumber }
    return new AppError(ErrorCode.itemNotInOrder, msg('scan.itemOfOtherOrder', params), { meta: { code } })
  }
  // A GTIN with a wrong check digit is a misread, which the item matcher says (packing.rules.ts matchItem).
  if (kind.kind === 'unknown' && !(looksLikeGtin(code.trim()) && !isValidGtin(code.trim()))) {
    return new AppError(ErrorCode.itemNotInOrder, msg('scan.unknownInOrder', { code: shown, orderNumber: open.orderNumber }), { meta: { code } })
  }
  return null
}

/** Another order's barcode while one is open: finish or cancel (F8) the open one first. */
export function otherOrderRefusal(scanned: Order, open: Order): AppError {
  return new AppError(ErrorCode.wrongState, msg('scan.otherOrder', { orderNumber: scanned.orderNumber, openOrderNumber: open.orderNumber }), {
    meta: { code: scanned.barcode, orderNumber: scanned.orderNumber, openOrderNumber: open.orderNumber },
  })
}

/** A badge while an order is open: whose badge it is, and that the desk changes hands only without an order. */
export function badgeMidOrderRefusal(owner: Packer, open: Order): AppError {
  return new AppError(ErrorCode.wrongState, msg('scan.badgeDuringOrder', { name: owner.name, orderNumber: open.orderNumber }), {
    meta: { badgeOf: owner.name, orderNumber: open.orderNumber },
  })
}
