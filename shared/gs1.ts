/**
 * GS1 mod-10 check digits (docs/reference/hardware.md §5.3): from the rightmost data digit, weights 3,1,3,1…;
 * check = (10 − sum mod 10) mod 10. Covers GTIN-8/12/13/14 and SSCC-18.
 */
export function gs1CheckDigit(body: string): number {
  if (!/^\d+$/.test(body)) throw new RangeError(`GS1 body must be digits: ${body}`)
  let sum = 0
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48
    sum += digit * (i % 2 === 0 ? 3 : 1)
  }
  return (10 - (sum % 10)) % 10
}

export function withGs1CheckDigit(body: string): string {
  return body + String(gs1CheckDigit(body))
}

/** True for an 8, 12, 13 or 14 digit GTIN whose last digit is its correct check digit. */
export function isValidGtin(code: string): boolean {
  if (!/^(\d{8}|\d{12}|\d{13}|\d{14})$/.test(code)) return false
  return gs1CheckDigit(code.slice(0, -1)) === Number(code.at(-1))
}

export function looksLikeGtin(code: string): boolean {
  return /^(\d{8}|\d{12}|\d{13}|\d{14})$/.test(code)
}
