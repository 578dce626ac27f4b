/**
 * How big a QR symbol gets, for laying out ^BQ (docs/reference/hardware.md §3.5: model 2, magnification 1–10,
 * data after a mode prefix such as `QA,` = error level Q, automatic input). Sized for byte mode, the
 * largest case: the printer's automatic mode may pick a denser mode and draw it smaller, never larger.
 */

/** Byte-mode capacity at error level Q for versions 1–20 (ISO/IEC 18004, capacity table). */
const BYTE_CAPACITY_Q = [11, 20, 32, 46, 60, 74, 86, 108, 130, 151, 177, 203, 241, 258, 292, 322, 364, 394, 442, 482]

/** Modules per side of the smallest version that holds `dataBytes` at level Q (17 + 4 × version). */
export function qrModulesPerSide(dataBytes: number): number {
  const version = BYTE_CAPACITY_Q.findIndex((capacity) => capacity >= dataBytes) + 1
  if (version === 0) throw new RangeError(`QR data of ${dataBytes} bytes is beyond version 20 at level Q`)
  return 17 + 4 * version
}

/** The largest ^BQ magnification (1–10) whose symbol fits in `boxDots`, or 0 when even 1 does not. */
export function qrMagnification(dataBytes: number, boxDots: number): number {
  return Math.min(10, Math.floor(boxDots / qrModulesPerSide(dataBytes)))
}
