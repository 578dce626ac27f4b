import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { labelGeometry, LABEL_DPIS, LABEL_SIZES, type LabelDpi, type LabelSize } from '../../electron/core/devices/printer/zpl/shipping-label.zpl'
import { startedAround } from './around-tests'
import { renderZplToPng } from './zpl-render'

/** Every stock size at every dpi, as `[size, dpi]` rows for `describe.each`. */
export const LABEL_COMBOS = LABEL_SIZES.flatMap((size) => LABEL_DPIS.map((dpi) => [size, dpi] as const))

/** docs/labels/: the rendered labels kept for people to look at. */
export const LABEL_DOCS_DIR = resolve(import.meta.dirname, '../../docs/labels')

/**
 * The scratch folder of a label test file (`prefix` in the temp folder), made before its tests with docs/labels/,
 * and removed after them. The returned function gives its path inside a test.
 */
export function labelScratchFolder(prefix: string): () => string {
  const make = async () => {
    await mkdir(LABEL_DOCS_DIR, { recursive: true })
    return mkdtemp(join(tmpdir(), prefix))
  }
  return startedAround('all', `the ${prefix} scratch folder`, make, (dir) => rm(dir, { recursive: true, force: true }))
}

/** Renders `zpl` (zebrash) at the geometry of `size` stock at `dpi`, writes the PNG to `path` and returns it. */
export async function writeLabelPng(zpl: string, dpi: LabelDpi, size: LabelSize, path: string): Promise<Buffer> {
  const geo = labelGeometry(dpi, size)
  const png = await renderZplToPng(zpl, { widthMm: geo.widthMm, heightMm: geo.heightMm, dpmm: geo.dotsPerMm })
  await writeFile(path, png)
  return png
}
