#!/usr/bin/env node
// Entry point of the `station` CLI. The station core is TypeScript; tsx's loader runs it under
// plain Node 20 (no Electron), so the same code serves the CLI, the headless server and tests.
import { register } from 'tsx/esm/api'

register()
const { main } = await import('../electron/cli/main.ts')
process.exitCode = await main(process.argv.slice(2))
