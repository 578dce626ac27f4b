import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from './main'

async function run(...argv: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await main(argv, { stdout: (t) => (stdout += t + '\n'), stderr: (t) => (stderr += t + '\n') })
  return { code, stdout, stderr }
}

describe('station CLI', () => {
  it('prints help listing every command', async () => {
    const r = await run('--help')
    expect(r.code).toBe(0)
    for (const c of ['serve', 'desi', 'label render', 'print', 'printer status', 'ship', 'scale read']) expect(r.stdout).toContain(c)
  })

  it.each([
    [['--length-cm', '30', '--width-cm', '20', '--height-cm', '10', '--json'], { desi: 2, chargeableKg: 2 }],
    [['--length-cm', '30', '--width-cm', '20', '--height-cm', '10', '--weight-kg', '3.4', '--json'], { desi: 2, chargeableKg: 3.4 }],
    [['--length-cm', '25', '--width-cm', '20', '--height-cm', '10', '--weight-kg', '0.85', '--json'], { desi: 1.667, chargeableKg: 1.667 }],
  ])('desi %j', async (args, expected) => {
    const r = await run('desi', ...args)
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual(expected)
  })

  it.each([
    [['desi', '--length-cm', 'abc', '--width-cm', '1', '--height-cm', '1', '--json'], /--length-cm must be a number/],
    [['desi', '--length-cm', '0', '--width-cm', '1', '--height-cm', '1'], /greater than 0/],
    [['desi', '--width-cm', '1', '--height-cm', '1'], /missing required flag --length-cm/],
    [['desi', '--length-cm', '1', '--width-cm', '1', '--height-cm', '1', '--weight-kg=-2'], /must not be negative/],
    [['desi', '--bogus'], /Unknown option/],
    [['teleport'], /unknown command/],
    [['serve', '--port', 'x'], /--port must be a number/],
  ])('bad input %j exits 2 with one line and no stack trace', async (argv, message) => {
    const r = await run(...argv)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(message)
    expect(r.stderr).not.toMatch(/\n\s+at /)
    expect(r.stdout).toBe('')
  })

  it('label render refuses a broken input file with exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kj-cli-'))
    writeFileSync(join(dir, 'bad.json'), '{"orderNumber": ')
    const r = await run('label', 'render', '--input', join(dir, 'bad.json'))
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/not valid JSON/)
    rmSync(dir, { recursive: true, force: true })
  })
})
