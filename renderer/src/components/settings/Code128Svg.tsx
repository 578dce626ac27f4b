import { useMemo } from 'react'
import { code128Bars, encodeCode128 } from '../../../../shared/barcode/code128'

/**
 * A Code 128 drawn as SVG for a scanner to read off the screen: whole pixels per module
 * (crispEdges, no scaling), black on white, with the 10-module quiet zone on both sides.
 * `moduleWidthPx` 2 or more keeps it readable for ordinary laser and imager scanners.
 */
export function Code128Svg({
  data,
  gs1 = false,
  moduleWidthPx = 2,
  heightPx = 90,
  label,
  testId,
}: {
  data: string
  gs1?: boolean
  moduleWidthPx?: number
  heightPx?: number
  label: string
  testId?: string
}) {
  const symbol = useMemo(() => encodeCode128(data, { gs1 }), [data, gs1])
  const quiet = 10
  const width = (symbol.modules + 2 * quiet) * moduleWidthPx
  return (
    <svg
      className="code128"
      data-testid={testId}
      data-modules={symbol.modules}
      role="img"
      aria-label={label}
      width={width}
      height={heightPx}
      viewBox={`0 0 ${width} ${heightPx}`}
      shapeRendering="crispEdges"
    >
      <rect x={0} y={0} width={width} height={heightPx} fill="#fff" />
      {code128Bars(symbol).map(([x, w]) => (
        <rect key={x} x={(quiet + x) * moduleWidthPx} y={0} width={w * moduleWidthPx} height={heightPx} fill="#000" />
      ))}
    </svg>
  )
}
