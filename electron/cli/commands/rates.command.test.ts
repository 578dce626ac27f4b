import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../core/config/config.loader'
import { DEFAULT_RATE_CARDS } from '../../core/rates/default-rate-cards'
import { runCli } from '../../../tests/support/cli-run'
import { tempDirForFile } from '../../../tests/support/temp-dir'

const dir = tempDirForFile('kj-rates-')

const cli = runCli

describe('station rates export / import', () => {
  it.each(['csv', 'xlsx'])('round-trips the cards through %s into a station', async (format) => {
    const file = join(dir(), `cards.${format}`)
    expect((await cli(['rates', 'export', '--out', file])).code).toBe(0)
    const data = join(dir(), `station-${format}`)
    const r = await cli(['rates', 'import', '--file', file, '--data', data])
    expect(r).toMatchObject({ code: 0, stderr: '' })
    expect(loadConfig(data, {}, join(dir(), 'none.json')).rateCards).toEqual(DEFAULT_RATE_CARDS.map((c) => ({ ...c })))
  })

  it('a broken file writes nothing and names the line', async () => {
    const file = join(dir(), 'cards.csv')
    await cli(['rates', 'export', '--out', file])
    const broken = join(dir(), 'broken.csv')
    const text = (await readFile(file, 'utf8')).split('\n')
    text[2] = text[2]!.replace(/;[^;]*$/, ';pahalı')
    await (await import('node:fs/promises')).writeFile(broken, text.join('\n'))
    const data = join(dir(), 'station-broken')
    const r = await cli(['rates', 'import', '--file', broken, '--data', data])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/3|price_try/)
    await expect(readFile(join(data, 'station.json'))).rejects.toThrow()
  })
})
