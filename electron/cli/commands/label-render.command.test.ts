import { writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import labelFixture from '../../../tests/fixtures/label-input.json'
import { labelRenderCommand } from './label-render.command'
import { runCommand } from '../../../tests/support/cli-run'
import { tempDirForFile } from '../../../tests/support/temp-dir'

const FIXTURE = resolve(import.meta.dirname, '../../../tests/fixtures/label-input.json')

const run = (argv: string[]) => runCommand(labelRenderCommand, argv)

const dir = tempDirForFile('label-render-', async (dir) => {
  await writeFile(join(dir, 'broken.json'), '{ "orderNumber": ')
  await writeFile(join(dir, 'invalid.json'), JSON.stringify({ ...labelFixture, packageIndex: 3, packageCount: 2, codAmountKurus: 1.5 }))
})

describe('station label render', () => {
  it('prints the 100×150 203 dpi ZPL by default', async () => {
    const r = await run(['--input', FIXTURE])
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('')
    expect(r.stdout).toMatch(/^\^XA\n\^CI28\n\^PW800\n\^LL1200\n/)
    expect(r.stdout).toContain('KAPIDA ÖDEME 134,52 TL')
    expect(r.stdout).toContain('ĞÜLŞEN ÇAĞLAYAN İNCE')
  })

  it.each([
    ['300', '100x150', 1200, 1800],
    ['203', '100x100', 800, 800],
    ['300', '100x100', 1200, 1200],
  ])('--dpi %s --size %s', async (dpi, size, width, height) => {
    const r = await run(['--input', FIXTURE, '--dpi', dpi, '--size', size])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain(`^PW${width}\n^LL${height}\n`)
  })

  const bad: ReadonlyArray<[string, () => string[], RegExp]> = [
    ['missing --input', () => [], /missing required flag --input/],
    ['missing file', () => ['--input', join(dir(), 'nope.json')], /cannot read .*nope\.json: ENOENT/],
    ['bad JSON', () => ['--input', join(dir(), 'broken.json')], /broken\.json is not valid JSON/],
    ['invalid fields', () => ['--input', join(dir(), 'invalid.json')], /invalid\.json: .*codAmountKurus/],
    ['bad --dpi', () => ['--input', FIXTURE, '--dpi', '600'], /--dpi must be 203 or 300, got "600"/],
    ['bad --size', () => ['--input', FIXTURE, '--size', 'A6'], /--size must be 100x150 or 100x100, got "A6"/],
    ['unknown flag', () => ['--input', FIXTURE, '--color'], /Unknown option '--color'/],
  ]
  it.each(bad)('%s → exit 2, one line on stderr, nothing on stdout', async (_name, argv, message) => {
    const r = await run(argv())
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(message)
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1)
    expect(r.stderr.startsWith('station label render: ')).toBe(true)
  })
})
