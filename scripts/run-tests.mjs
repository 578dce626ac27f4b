#!/usr/bin/env node
// Runs the whole vitest suite (unit, integration, e2e) and ends with the plain line CI reads:
// "N passed, N failed" (vitest's own summary is not read as one). Exit code: non-zero if any run failed.
// The chaos test (3 desks killed at random, ~1 min of both cores) runs on its own after the rest:
// beside it, the serial-pty and timing-sensitive device tests were starved of CPU and flaked.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'

const outDir = join(process.cwd(), '.tmp')
mkdirSync(outDir, { recursive: true })
const extra = process.argv.slice(2)
const runs =
  extra.length > 0
    ? [['main', extra]]
    : [
        ['main', ['--exclude', 'tests/chaos/**']],
        ['chaos', ['tests/chaos']],
      ]

let passed = 0
let failed = 0
let skipped = 0
let status = 0
for (const [name, args] of runs) {
  const report = join(outDir, `vitest-report-${name}.json`)
  rmSync(report, { force: true })
  const r = spawnSync('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...args], {
    stdio: 'inherit',
    env: process.env,
  })
  let runFailed = 0
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, 'utf8'))
    passed += json.numPassedTests ?? 0
    // A file that fails to load has no failed test of its own: count it once.
    const suiteErrors = (json.testResults ?? []).filter((f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed')).length
    runFailed = (json.numFailedTests ?? 0) + suiteErrors
    skipped += (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0)
  }
  if (r.status !== 0 && runFailed === 0) runFailed = 1 // a crash or a failed suite with no failed test still fails
  failed += runFailed
  if (r.status !== 0) status = r.status ?? 1
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
process.exit(status)
