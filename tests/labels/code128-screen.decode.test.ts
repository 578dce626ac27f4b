import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { encodeCode128 } from '../../shared/barcode/code128'
import { GS1_SELF_TEST, SCANNER_SELF_TEST_CODE } from '../../shared/scan/scanner-self-test'

const dir = mkdtempSync(join(tmpdir(), 'kj-c128-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Draws the symbol as a plain PBM (3 px a module, 10-module quiet zones) and decodes it with zbarimg. */
function decode(data: string, gs1 = false): Promise<string> {
  const scale = 3
  const quiet = Array<number>(10 * scale).fill(0)
  const row = [...quiet, ...encodeCode128(data, { gs1 }).widths.flatMap((w, i) => Array<number>(w * scale).fill(i % 2 === 0 ? 1 : 0)), ...quiet]
  const path = join(dir, `c${Math.random().toString(36).slice(2)}.pbm`)
  writeFileSync(path, `P1\n${row.length} 40\n${`${row.join(' ')}\n`.repeat(40)}`)
  return new Promise((resolve, reject) => {
    const child = spawn('zbarimg', ['-q', '--raw', path], { stdio: ['ignore', 'pipe', 'ignore'] })
    let out = ''
    child.stdout.setEncoding('latin1')
    child.stdout.on('data', (chunk: string) => (out += chunk))
    child.on('error', reject)
    // zbarimg ends each symbol with a newline; exit 4 means it found none.
    child.on('close', (code) => (code === 0 ? resolve(out.replace(/\n$/, '')) : reject(new Error(`zbarimg exited ${code} for ${JSON.stringify(data)}`))))
  })
}

const ascii = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('')
const pairs = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0')).join('')
const controls = 'A' + Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('')

describe('the on-screen Code 128 decodes with zbarimg (every symbol value the encoder emits)', () => {
  it.each([
    { name: 'scanner self-test code', data: SCANNER_SELF_TEST_CODE },
    { name: 'printable ASCII, part 1 (set B)', data: ascii.slice(0, 48) },
    { name: 'printable ASCII, part 2 (set B)', data: ascii.slice(48) },
    { name: 'digit pairs 00–49 (set C)', data: pairs.slice(0, 100) },
    { name: 'digit pairs 50–99 (set C)', data: pairs.slice(100) },
    { name: 'subset switches B → C → B', data: 'AB123456cd7890x1' },
    { name: 'control characters (set A)', data: controls },
  ])('$name', async ({ data }) => {
    expect(await decode(data)).toBe(data)
  })

  it('GS1-128 self-test: leading FNC1 implied, the separator FNC1 comes out as GS', async () => {
    expect(await decode(`${GS1_SELF_TEST.head}\x1d${GS1_SELF_TEST.tail}`, true)).toBe(`${GS1_SELF_TEST.head}\x1d${GS1_SELF_TEST.tail}`)
  })
})
