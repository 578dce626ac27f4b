import Database from 'better-sqlite3'
import { copyFileSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync, writeSync, closeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ErrorCode } from '../../../shared/errors'
import { runCli } from '../../../tests/support/cli-run'
import { openDatabase } from './database'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kj-dbcheck-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

/** A real station database with enough audit rows to span many pages, closed cleanly (no -wal/-shm left). */
async function stationFile(path: string): Promise<void> {
  const opened = await openDatabase(path)
  const insert = opened.sqlite.prepare(`insert into audit_log (at, actor_id, action, order_id, detail_json) values (?, ?, ?, ?, ?)`)
  opened.sqlite.transaction(() => {
    for (let i = 0; i < 3000; i++) insert.run('2026-12-07T10:00:00Z', 'P1001', 'test.row', `KJ${i}`, JSON.stringify({ i, pad: 'x'.repeat(200) }))
  })()
  await opened.close()
}

/** Overwrites a few pages in the middle of the file (inside the audit_log b-tree) with garbage. */
function damagePages(path: string): void {
  const size = readFileSync(path).length
  const pageSize = 4096
  const middle = Math.floor(size / pageSize / 2) * pageSize
  const fd = openSync(path, 'r+')
  writeSync(fd, Buffer.alloc(pageSize * 3, 0xa5), 0, pageSize * 3, middle)
  closeSync(fd)
}

function listing(): string[] {
  return readdirSync(dir).sort()
}

describe('database check at start', () => {
  it('opens an intact file as before', async () => {
    const path = join(dir, 'station.sqlite3')
    await stationFile(path)
    const again = await openDatabase(path)
    expect(again.sqlite.prepare('select count(*) from audit_log').pluck().get()).toBe(3000)
    await again.close()
  })

  it('refuses a file with damaged pages, leaves it byte-identical and names the newest backup', async () => {
    const path = join(dir, 'station.sqlite3')
    await stationFile(path)
    // Two backups as the migrator names them (copies of the intact file); the newer one (by time written) must be named.
    copyFileSync(path, join(dir, 'backup-before-20261101_0000_a-2026-11-01T10-00-00-000Z.sqlite3'))
    copyFileSync(path, join(dir, 'backup-before-20261201_0000_b-2026-12-01T10-00-00-000Z.sqlite3'))
    utimesSync(join(dir, 'backup-before-20261101_0000_a-2026-11-01T10-00-00-000Z.sqlite3'), new Date('2026-11-01'), new Date('2026-11-01'))
    utimesSync(join(dir, 'backup-before-20261201_0000_b-2026-12-01T10-00-00-000Z.sqlite3'), new Date('2026-12-01'), new Date('2026-12-01'))
    damagePages(path)
    const before = readFileSync(path)
    const files = listing()

    const err = await openDatabase(path).then(
      () => null,
      (e: unknown) => e,
    )
    expect(err).toMatchObject({ code: ErrorCode.dbCorrupt, meta: { backupPath: join(dir, 'backup-before-20261201_0000_b-2026-12-01T10-00-00-000Z.sqlite3') } })
    const message = (err as Error).message
    expect(message).not.toContain('\n')
    expect(message).toContain('backup-before-20261201_0000_b-2026-12-01T10-00-00-000Z.sqlite3')
    expect(message).toMatch(/stop the desk, move .*station\.sqlite3 aside with its -wal and -shm files .* copy .* to .*station\.sqlite3/)
    // The words travel as a notice code with its params: the start-failure dialog and the CLI word it.
    expect(err).toMatchObject({
      notice: { code: 'db.corruptRestore', params: { path, backup: join(dir, 'backup-before-20261201_0000_b-2026-12-01T10-00-00-000Z.sqlite3') } },
    })
    expect(message).toMatch(/^Veritabanı bozuk, dokunulmadı: .* \/ The database is damaged and was left untouched: /)
    // Untouched: same bytes, no -wal/-shm or backup made by the refused start.
    expect(readFileSync(path).equals(before)).toBe(true)
    expect(listing()).toEqual(files)
  })

  it('skips a newer backup that is damaged too and names the newest intact one', async () => {
    const path = join(dir, 'station.sqlite3')
    await stationFile(path)
    const older = join(dir, 'backup-before-20261101_0000_a-2026-11-01T10-00-00-000Z.sqlite3')
    const newer = join(dir, 'backup-before-20261201_0000_b-2026-12-01T10-00-00-000Z.sqlite3')
    copyFileSync(path, older)
    writeFileSync(newer, 'not a database')
    utimesSync(older, new Date('2026-11-01'), new Date('2026-11-01'))
    utimesSync(newer, new Date('2026-12-01'), new Date('2026-12-01'))
    damagePages(path)
    const err = await openDatabase(path).then(
      () => null,
      (e: unknown) => e,
    )
    expect(err).toMatchObject({ code: ErrorCode.dbCorrupt, meta: { backupPath: older, damagedBackups: [newer] } })
    expect((err as Error).message).toMatch(/copy .*backup-before-20261101_0000_a.*\(1 newer backup\(s\) failed the same check/)
    // The check of the backups wrote nothing next to them either.
    expect(listing()).toEqual([older, newer, path].map((p) => p.slice(dir.length + 1)).sort())
  })

  it('says so when there is no backup to restore', async () => {
    const path = join(dir, 'station.sqlite3')
    await stationFile(path)
    damagePages(path)
    await expect(openDatabase(path)).rejects.toMatchObject({ code: ErrorCode.dbCorrupt, message: expect.stringMatching(/There is no backup/) })
  })

  it('refuses a file that is not a database at all (damaged header)', async () => {
    const path = join(dir, 'station.sqlite3')
    await stationFile(path)
    const fd = openSync(path, 'r+')
    writeSync(fd, Buffer.alloc(100, 0x41), 0, 100, 0)
    closeSync(fd)
    const before = readFileSync(path)
    await expect(openDatabase(path)).rejects.toMatchObject({ code: ErrorCode.dbCorrupt })
    expect(readFileSync(path).equals(before)).toBe(true)
  })

  it('checks a file left with a WAL by a crash without losing its committed rows', async () => {
    const path = join(dir, 'station.sqlite3')
    await stationFile(path)
    // A second process "crashes": its WAL and shm stay behind (better-sqlite3 in-process: copy them before close).
    const w = new Database(path)
    w.pragma('journal_mode = WAL')
    w.pragma('wal_autocheckpoint = 0')
    w.prepare(`insert into audit_log (at, actor_id, action, order_id, detail_json) values ('2026-12-07T11:00:00Z', 'P1', 'late', 'KJX', '{}')`).run()
    const wal = readFileSync(`${path}-wal`)
    const shm = readFileSync(`${path}-shm`)
    const main = readFileSync(path)
    w.close()
    writeFileSync(path, main)
    writeFileSync(`${path}-wal`, wal)
    writeFileSync(`${path}-shm`, shm)
    const opened = await openDatabase(path)
    expect(opened.sqlite.prepare(`select count(*) from audit_log where action = 'late'`).pluck().get()).toBe(1)
    await opened.close()
  })

  it('station serve stops with one line and a non-zero exit on a damaged database', async () => {
    await stationFile(join(dir, 'station.sqlite3'))
    damagePages(join(dir, 'station.sqlite3'))
    writeFileSync(join(dir, 'station.json'), JSON.stringify({ stationName: 'Masa 1', carriers: { comtohome: { enabled: false } } }))
    const run = await runCli(['serve', '--data', dir, '--port', '0', '--no-demo'])
    expect(run.code).toBe(1)
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
    expect(run.stderr).toMatch(/station serve: .*damaged.*There is no backup.* \[db\.corrupt\]/)
  }, 60_000)
})
