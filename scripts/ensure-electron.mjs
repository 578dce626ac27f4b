#!/usr/bin/env node
// `npm start` on a connected workstation: package.json's allowScripts keeps electron's postinstall
// from running during `npm ci` (its binary comes from GitHub, unreachable on build machines), so
// fetch the binary here on first start. Prints a clear message where that cannot work.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)
const pkgDir = dirname(require.resolve('electron/package.json'))
const pathFile = join(pkgDir, 'path.txt')
if (existsSync(pathFile) && existsSync(join(pkgDir, 'dist'))) process.exit(0)
console.log('Electron binary missing; downloading it once (needs internet access)…')
const r = spawnSync(process.execPath, [join(pkgDir, 'install.js')], { stdio: 'inherit', env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '' } })
if (r.status !== 0) {
  console.error('Could not download Electron. On a machine without internet use the headless desk instead: npm run serve')
  process.exit(1)
}
