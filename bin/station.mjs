#!/usr/bin/env node
// Entry point of the `station` CLI under plain Node 20 (no Electron).
// `npm run build` bundles the CLI into out/cli/main.mjs (starts in ~0.3 s); when that bundle is
// missing or older than any source file, the TypeScript sources run through tsx instead, so an
// edited checkout never runs stale code.
import { existsSync, readdirSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const bundle = join(root, 'out', 'cli', 'main.mjs')

function newestSourceMs(dir) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name)
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceMs(full))
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(full).mtimeMs)
  }
  return newest
}

function bundleIsFresh() {
  if (!existsSync(bundle)) return false
  const built = statSync(bundle).mtimeMs
  return ['electron', 'shared', 'sandbox'].every((d) => newestSourceMs(join(root, d)) <= built)
}

let main
if (bundleIsFresh()) {
  ;({ main } = await import(pathToFileURL(bundle).href))
} else {
  const { register } = await import('tsx/esm/api')
  register()
  ;({ main } = await import('../electron/cli/main.ts'))
}
process.exitCode = await main(process.argv.slice(2))
