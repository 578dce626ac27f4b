#!/usr/bin/env node
// Runs the whole vitest suite (unit, integration, e2e) and ends with the plain line CI reads:
// "N passed, N failed" (vitest's own summary is not read as one). Exit code is vitest's.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'

const outDir = join(process.cwd(), '.tmp')
mkdirSync(outDir, { recursive: true })
const report = join(outDir, 'vitest-report.json')
const args = ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)]
const r = spawnSync('npx', args, { stdio: 'inherit', env: process.env })

let passed = 0
let failed = 0
let skipped = 0
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8'))
  passed = json.numPassedTests ?? 0
  // A file that fails to load has no failed test of its own: count it once.
  const suiteErrors = (json.testResults ?? []).filter((f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed')).length
  failed = (json.numFailedTests ?? 0) + suiteErrors
  skipped = (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0)
}
if (r.status !== 0 && failed === 0) failed = 1 // a crash or a failed suite with no failed test still fails
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
process.exit(r.status ?? 1)
