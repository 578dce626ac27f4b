import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { CliIo } from './cli.types'
import { DEMO_MARKER_FILE, markDemoFolder, resetDemoFolder } from './demo-reset'
import { main } from './main'

const freshDir = () => mkdtempSync(join(tmpdir(), 'kj-demo-reset-'))

describe('demo reset', () => {
  it('marks a folder the demo starts fresh, and wipes it on --reset, keeping the instance lock', () => {
    const dir = freshDir()
    markDemoFolder(dir)
    writeFileSync(join(dir, 'station.sqlite3'), 'db')
    writeFileSync(join(dir, 'demo-cloud.sqlite3'), 'cloud')
    mkdirSync(join(dir, 'printed-labels'))
    writeFileSync(join(dir, 'printed-labels', 'label-0001.zpl'), '^XA^XZ')
    writeFileSync(join(dir, 'station.lock'), '{}')
    expect(resetDemoFolder(dir)).toBe(4)
    expect(readdirSync(dir)).toEqual(['station.lock'])
  })

  it('refuses to wipe a folder holding a desk database without the demo marker, and deletes nothing', () => {
    const dir = freshDir()
    writeFileSync(join(dir, 'station.sqlite3'), 'real work')
    writeFileSync(join(dir, 'station.json'), '{"printer":{"uri":"tcp://10.0.0.5:9100"}}')
    markDemoFolder(dir) // a real desk started once with --demo is not marked
    expect(existsSync(join(dir, DEMO_MARKER_FILE))).toBe(false)
    expect(() => resetDemoFolder(dir)).toThrow(/not a demo folder/)
    expect(readdirSync(dir).sort()).toEqual(['station.json', 'station.sqlite3'])
  })

  it('accepts an empty or missing folder', () => {
    expect(resetDemoFolder(freshDir())).toBe(0)
    expect(resetDemoFolder(join(freshDir(), 'not-there'))).toBe(0)
  })

  it('station serve refuses --reset without --demo as bad input', async () => {
    let stderr = ''
    const io: CliIo = { stdout: () => {}, stderr: (t) => void (stderr += t) }
    expect(await main(['serve', '--reset', '--data', freshDir(), '--port', '0'], io)).toBe(2)
    expect(stderr).toContain('--reset only goes with --demo')
  })
})
