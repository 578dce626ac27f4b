#!/usr/bin/env node
// The house rules an import graph cannot express. The layer rules themselves (who may import what, cycles) are in
// .dependency-cruiser.cjs; `npm run lint` runs depcruise first, then this script. Here: raw ipcMain/ipcRenderer only in
// electron/main/ipc.ts and the preload (docs/architecture.md "One contract"), no TS enums, and named exports only.
// Usage: node scripts/lint-layers.mjs [DIR] (default: the repository). Exits 1 with one line per finding.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'

const root = resolve(process.argv[2] ?? join(dirname(new URL(import.meta.url).pathname), '..'))
const SKIP = new Set(['node_modules', 'out', 'dist', 'docs'])
const CONFIG_FILES = new Set(['vite.config.ts', 'vitest.config.ts', 'electron.vite.config.ts'])

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name) || name.startsWith('.')) continue
    const full = join(dir, name)
    if (statSync(full).isDirectory()) yield* walk(full)
    else if (/\.(ts|tsx|mts)$/.test(name) && !name.endsWith('.d.ts')) yield full
  }
}

const findings = []
for (const file of walk(root)) {
  const rel = relative(root, file)
  const text = readFileSync(file, 'utf8')
  const add = (msg) => findings.push(`${rel}: ${msg}`)
  const isIpcModule = rel === join('electron', 'main', 'ipc.ts') || rel.startsWith(join('electron', 'preload') + sep)
  if (!isIpcModule && /\bipc(Main|Renderer)\b/.test(text)) add('raw Electron IPC outside electron/main/ipc.ts and the preload')
  if (/^\s*(export\s+)?(const\s+)?enum\s+\w+/m.test(text)) add('TS enums are not used: prefer an `as const` object')
  if (/^\s*export\s+default\b/m.test(text) && !CONFIG_FILES.has(rel)) add('named exports only (no export default)')
}

if (findings.length) {
  console.error(findings.join('\n'))
  console.error(`lint: ${findings.length} finding(s)`)
  process.exit(1)
}
console.log('lint: ipc, enums and exports ok')
