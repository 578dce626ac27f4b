import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from '../main'
import type { CliIo } from '../cli.types'

describe('station commands-sheet', () => {
  it('writes the command sheet PDF to --out', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'kj-cmdsheet-')), 'komutlar.pdf')
    let stdout = ''
    const io: CliIo = { stdout: (t) => void (stdout += t), stderr: () => {} }
    expect(await main(['commands-sheet', '--out', out], io)).toBe(0)
    expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(stdout).toContain(out)
  })

  it('refuses a missing --out as bad input (exit 2)', async () => {
    let stderr = ''
    const io: CliIo = { stdout: () => {}, stderr: (t) => void (stderr += t) }
    expect(await main(['commands-sheet'], io)).toBe(2)
    expect(stderr).toContain('--out')
  })
})
