import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'

// Loaded as plain CommonJS: through vite's transform the 9 MB bundle is slow and warns about a
// missing source map.
const { ready } = createRequire(import.meta.url)('zpl-renderer-js') as typeof import('zpl-renderer-js')

/**
 * Test helpers: ZPL → PNG through zebrash (zpl-renderer-js, WASM, plain Node) and PNG → barcode
 * strings through Debian's zbarimg (docs/reference/toolchain.md). zebrash font 0 has no ğ/Ğ glyph and draws a
 * box instead (docs/reference/hardware.md §6); a real printer's font coverage needs a check on hardware.
 */
export type RenderSize = Readonly<{ widthMm: number; heightMm: number; dpmm: number }>

/** Loaded once per test file: the WASM module takes ~100 ms to start. */
let api: Promise<Awaited<typeof ready>['api']> | null = null

export async function renderZplToPng(zpl: string, size: RenderSize): Promise<Buffer> {
  api ??= ready.then((r) => r.api)
  const base64 = await (await api).zplToBase64Async(zpl, size.widthMm, size.heightMm, size.dpmm)
  return Buffer.from(base64, 'base64')
}

/** How many labels zebrash sees in `zpl` (one per ^XA…^XZ). */
export async function countRenderedLabels(zpl: string, size: RenderSize): Promise<number> {
  api ??= ready.then((r) => r.api)
  return (await (await api).zplToBase64MultipleAsync(zpl, size.widthMm, size.heightMm, size.dpmm)).length
}

/**
 * Every barcode zbarimg finds in the image, one string each. Exit 4 means "no symbol found" → [].
 * stderr is ignored: zbarimg prints harmless D-Bus connection lines there.
 */
export function decodeBarcodes(pngPath: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn('zbarimg', ['-q', '--raw', pngPath], { stdio: ['ignore', 'pipe', 'ignore'] })
    let out = ''
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => (out += chunk))
    child.on('error', (err) => reject(new Error(`cannot run zbarimg (apt-get install zbar-tools): ${err.message}`)))
    child.on('close', (code) => {
      if (code === 0) resolve(out.split('\n').filter((line) => line.length > 0))
      else if (code === 4) resolve([])
      else reject(new Error(`zbarimg exited with ${code} for ${pngPath}`))
    })
  })
}
