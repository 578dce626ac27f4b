import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

// `npm run lint` = depcruise with .dependency-cruiser.cjs, then scripts/lint-layers.mjs. Each is run here on a small tree
// with one forbidden import (or construct) per file, next to allowed ones, and must name exactly the forbidden ones.
// The trees live under the repository's .tmp/ so that 'electron', 'react' and 'vitest' resolve from its node_modules
// and its package.json tells dependencies from devDependencies.
const ROOT = resolve(import.meta.dirname, '../..')
const DEPCRUISE = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs')
const LINT = join(ROOT, 'scripts/lint-layers.mjs')
const tmp = join(ROOT, '.tmp')
const dirs: string[] = []

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

function tree(files: Record<string, string>): string {
  mkdirSync(tmp, { recursive: true })
  const dir = mkdtempSync(join(tmp, 'layer-rules-'))
  dirs.push(dir)
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
  return dir
}

const imports = (...specs: string[]) => specs.map((s, i) => `import * as m${i} from '${s}'\n`).join('') + 'export const used = 1\n'
// A React component: the .tsx files are parsed with JSX (withJsx in .dependency-cruiser.cjs), so the same rules apply.
// The text holds the word import, which once made a JSX parser see an import (sverweij/dependency-cruiser#395).
const component = (...specs: string[]) =>
  specs.map((s, i) => `import * as m${i} from '${s}'\n`).join('') + 'export function View() {\n  return <p className="x">What do we import?</p>\n}\n'

// Allowed: every layer importing what docs/architecture.md lets it import.
const ALLOWED = {
  'shared/pure.ts': "import { z } from 'zod'\nexport const pure = z.string()\n",
  'shared/contract/names.ts': imports('../pure'),
  'protocols/wire.ts': imports('../shared/pure'),
  'electron/core/service.ts': imports('../../shared/pure', '../../protocols/wire', 'node:fs'),
  'electron/core/service.test.ts': imports('vitest', './service', '../../sandbox/emulator'),
  'electron/main/index.ts': imports('electron', '../core/service', '../cli/demo-env', '../../shared/pure'),
  'electron/preload/index.ts': imports('electron', '../../shared/contract/names'),
  'electron/cli/command.ts': imports('../core/service', '../../protocols/wire', 'node:path'),
  'electron/cli/command.test.ts': imports('./command', '../../sandbox/emulator'),
  'electron/cli/demo-env.ts': imports('../../sandbox/emulator', '../core/service'),
  'renderer/src/view.ts': imports('react', '../../shared/pure'),
  'renderer/src/App.tsx': component('react', './view', '../../shared/pure'),
  'sandbox/emulator.ts': imports('../shared/pure', '../protocols/wire', 'node:http'),
  'sandbox/emulator.test.ts': imports('./emulator', '../electron/core/service'),
  'bench/run.ts': imports('../electron/core/service', '../sandbox/emulator', 'vitest'),
}

// Each file breaks the rules named beside it, and nothing else.
const FORBIDDEN: Record<string, [string, string[]]> = {
  'shared/bad-node.ts': [imports('node:fs'), ['pure-no-node']],
  'shared/bad-up.ts': [imports('../electron/core/service'), ['shared-only-shared']],
  'protocols/bad.ts': [imports('../sandbox/emulator'), ['protocols-only-protocols']],
  'protocols/bad-node.ts': [imports('node:crypto'), ['pure-no-node']],
  'electron/core/bad-electron.ts': [imports('electron'), ['electron-only-in-shells', 'no-dev-deps-at-run-time']],
  'electron/core/bad-sandbox.ts': [imports('../../sandbox/emulator'), ['core-only-core']],
  'electron/core/bad-dev-dep.ts': [imports('vitest'), ['no-dev-deps-at-run-time']],
  'electron/core/cli.test.ts': [imports('../cli/command'), ['core-not-to-shells']],
  'electron/core/missing.ts': [imports('./nowhere'), ['not-to-unresolvable']],
  'electron/core/uses-a-test.ts': [imports('./service.test'), ['no-import-of-tests']],
  'electron/core/orphan.ts': ['export const alone = 1\n', ['no-orphans']],
  'electron/core/cycle-a.ts': [imports('./cycle-b'), ['no-circular-core']],
  // A cycle is reported once, from its first module.
  'electron/core/cycle-b.ts': [imports('./cycle-a'), []],
  'electron/main/bad.ts': [imports('../../renderer/src/view'), ['main-only-core-shared']],
  'electron/main/bad-sandbox.ts': [imports('../../sandbox/emulator'), ['main-only-core-shared']],
  'electron/preload/bad.ts': [imports('../core/service'), ['preload-only-contract']],
  'electron/preload/bad-node.ts': [imports('node:path'), ['preload-only-contract']],
  'electron/cli/bad-sandbox.ts': [imports('../../sandbox/emulator'), ['cli-only-core']],
  'electron/cli/bad-main.ts': [imports('../main/index'), ['cli-not-to-shells', 'cli-only-core']],
  'renderer/src/bad.ts': [imports('../../electron/core/service'), ['renderer-only-renderer-shared']],
  'renderer/src/bad-node.ts': [imports('node:os'), ['pure-no-node']],
  'renderer/src/Bad.tsx': [component('react', '../../electron/core/service'), ['renderer-only-renderer-shared']],
  'renderer/src/BadNode.tsx': [component('node:fs'), ['pure-no-node']],
  'sandbox/bad.ts': [imports('../electron/core/service'), ['sandbox-only-sandbox']],
  'bench/bad-react.ts': [imports('react'), ['react-only-in-renderer']],
}

type Violation = { from: string; rule: { name: string; severity: string } }

const FOLDERS = ['shared', 'protocols', 'electron', 'renderer', 'sandbox', 'bench']
const depcruise = (dir: string, args: string[] = []) =>
  spawnSync(process.execPath, [DEPCRUISE, '--config', join(ROOT, '.dependency-cruiser.cjs'), ...args, ...FOLDERS], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })

describe('layer rules (.dependency-cruiser.cjs)', () => {
  it('names every forbidden import in the tree, and only those', { timeout: 120_000 }, () => {
    const files = { ...ALLOWED, ...Object.fromEntries(Object.entries(FORBIDDEN).map(([path, [text]]) => [path, text])) }
    const run = depcruise(tree(files), ['-T', 'json'])
    expect(run.stderr).toBe('')
    const violations: Violation[] = JSON.parse(run.stdout).summary.violations
    const found = [...new Set(violations.map((v) => `${v.from} ${v.rule.name} ${v.rule.severity}`))].sort()
    const expected = Object.entries(FORBIDDEN)
      .flatMap(([path, [, rules]]) => rules.map((rule) => `${path} ${rule} error`))
      .sort()
    expect(found).toEqual(expected)
  })

  it('fails the lint on one forbidden import and passes the allowed tree', { timeout: 120_000 }, () => {
    const ok = depcruise(tree(ALLOWED))
    expect(ok.stdout + ok.stderr).toContain('no dependency violations found')
    expect(ok.status).toBe(0)
    const bad = depcruise(tree({ ...ALLOWED, 'sandbox/bad.ts': FORBIDDEN['sandbox/bad.ts']![0] }))
    expect(bad.stdout).toContain('error sandbox-only-sandbox: sandbox/bad.ts')
    expect(bad.status).not.toBe(0)
  })
})

describe('scripts/lint-layers.mjs', () => {
  it('finds raw IPC, enums and default exports', { timeout: 60_000 }, () => {
    const ipc = ['ipc', 'Main'].join('')
    const dir = tree({
      'electron/main/ipc.ts': `import { ${ipc} } from 'electron'\nexport const channel = ${ipc}\n`,
      'electron/core/leak.ts': `import { ${ipc} } from 'electron'\nexport const channel = ${ipc}\n`,
      'shared/kind.ts': 'export const ok = 1\nexport enum Kind { A }\n',
      'shared/default.ts': 'const x = 1\nexport default x\n',
      'vite.config.ts': 'const config = {}\nexport default config\n',
    })
    const run = spawnSync(process.execPath, [LINT, dir], { encoding: 'utf8' })
    expect(run.status).toBe(1)
    expect(run.stderr.trim().split('\n').sort()).toEqual([
      'electron/core/leak.ts: raw Electron IPC outside electron/main/ipc.ts and the preload',
      'lint: 3 finding(s)',
      'shared/default.ts: named exports only (no export default)',
      'shared/kind.ts: TS enums are not used: prefer an `as const` object',
    ])
  })
})
