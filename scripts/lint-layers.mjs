#!/usr/bin/env node
// Enforces the layer rules (README.md "How it is built") on every TypeScript file: who may import what,
// raw IPC only in its one module, no TS enums, named exports only. Exits 1 with one line per finding.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve, dirname, sep } from 'node:path'

const root = resolve(dirname(new URL(import.meta.url).pathname), '..')
const SKIP = new Set(['node_modules', 'out', 'dist', '.git', 'docs'])
const CONFIG_FILES = new Set(['vite.config.ts', 'vitest.config.ts', 'electron.vite.config.ts'])

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name) || name.startsWith('.')) continue
    const full = join(dir, name)
    if (statSync(full).isDirectory()) yield* walk(full)
    else if (/\.(ts|tsx|mts)$/.test(name) && !name.endsWith('.d.ts')) yield full
  }
}

const layerOf = (rel) => {
  if (rel.startsWith(`shared${sep}`)) return 'shared'
  if (rel.startsWith(`electron${sep}core${sep}`)) return 'core'
  if (rel.startsWith(`electron${sep}main${sep}`)) return 'main'
  if (rel.startsWith(`electron${sep}preload${sep}`)) return 'preload'
  if (rel.startsWith(`electron${sep}cli${sep}`)) return 'cli'
  if (rel.startsWith(`renderer${sep}`)) return 'renderer'
  if (rel.startsWith(`sandbox${sep}`)) return 'sandbox'
  if (rel.startsWith(`protocols${sep}`)) return 'protocols'
  return 'other'
}

const NODE_BUILTIN = /^(node:|fs$|path$|os$|crypto$|http$|https$|net$|child_process$|url$|util$|stream$|events$)/
const findings = []
const importRe = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g

for (const file of walk(root)) {
  const rel = relative(root, file)
  const layer = layerOf(rel)
  const text = readFileSync(file, 'utf8')
  const add = (msg) => findings.push(`${rel}: ${msg}`)
  for (const m of text.matchAll(importRe)) {
    const spec = m[1] ?? m[2] ?? m[3]
    const target = spec.startsWith('.') ? layerOf(relative(root, resolve(dirname(file), spec))) : null
    if (layer === 'shared') {
      if (NODE_BUILTIN.test(spec) || spec === 'electron' || spec.startsWith('react')) add(`shared/ must stay pure: imports "${spec}"`)
      if (target && target !== 'shared') add(`shared/ imports from ${target}: "${spec}"`)
    }
    if (layer === 'core') {
      if (spec === 'electron' || spec.startsWith('electron/')) add('electron/core must never import electron')
      // Tests may start emulators from sandbox/; production code never does.
      const allowed = rel.endsWith('.test.ts') ? ['core', 'shared', 'protocols', 'sandbox', 'other'] : ['core', 'shared', 'protocols']
      if (target && !allowed.includes(target)) add(`electron/core imports from ${target}: "${spec}"`)
    }
    if (layer === 'renderer') {
      if (NODE_BUILTIN.test(spec) || spec === 'electron') add(`renderer is DOM only: imports "${spec}"`)
      if (target && !['renderer', 'shared'].includes(target)) add(`renderer imports from ${target}: "${spec}"`)
    }
    // protocols/: the carriers' published wire facts as data (codes, status tables) and the SOAP plumbing, read by
    // both a connector and its emulator; pure TypeScript plus the XML parser, nothing of the app's.
    if (layer === 'protocols') {
      if (NODE_BUILTIN.test(spec) || spec === 'electron' || spec.startsWith('react')) add(`protocols/ must stay pure: imports "${spec}"`)
      if (target && !['protocols', 'shared'].includes(target)) add(`protocols/ imports from ${target}: "${spec}"`)
    }
    if (layer === 'sandbox' && target && !['sandbox', 'shared', 'protocols'].includes(target) && !rel.endsWith('.test.ts')) {
      add(`sandbox/ emulators must not import app code (${target}): "${spec}"`)
    }
  }
  const isIpcModule = rel === join('electron', 'main', 'ipc.ts') || layer === 'preload'
  if (!isIpcModule && /\bipc(Main|Renderer)\b/.test(text) && !rel.endsWith('lint-layers.mjs')) add('raw ipcMain/ipcRenderer outside electron/main/ipc.ts and preload')
  if (/^\s*(export\s+)?(const\s+)?enum\s+\w+/m.test(text)) add('TS enums are not used: prefer an `as const` object')
  if (/^\s*export\s+default\b/m.test(text) && !CONFIG_FILES.has(rel)) add('named exports only (no export default)')
}

if (findings.length) {
  console.error(findings.join('\n'))
  console.error(`lint: ${findings.length} finding(s)`)
  process.exit(1)
}
console.log('lint: layers ok')
