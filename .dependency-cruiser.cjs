// The layer rules of docs/architecture.md ("Layers"), checked by dependency-cruiser on every import. `npm run lint` runs
// it over the source folders, then scripts/lint-layers.mjs for the few rules an import graph cannot express.
// tests/tooling/layer-rules.test.ts builds a small tree with one forbidden import per rule and checks each is caught.
// Paths are relative to the folder depcruise runs in (the repository root).
//
// TypeScript 7 has no JS API, so the parser is @swc/core. swc does not mark `import type`: type imports count.
// dependency-cruiser 17 asks swc for TypeScript without JSX, so a .tsx file with JSX in it would not parse. Version 18
// passes swc's `tsx` flag for .tsx and .jsx files (https://github.com/sverweij/dependency-cruiser/pull/1086), but it
// needs Node 22 and this project still runs on Node 20. Until the upgrade, withJsx() below makes the same change from
// here: swc's parseFileSync (the one call dependency-cruiser makes per file) gets `tsx: true` for those files, so the
// renderer's .tsx files are parsed and every rule applies to them. tests/tooling/layer-rules.test.ts checks a .tsx.

function withJsx(swc) {
  if (swc.parseFileSync.withJsx) return
  const parseFileSync = swc.parseFileSync
  const jsx = (file, options) => parseFileSync(file, /\.[jt]sx$/.test(String(file)) ? { ...options, tsx: true } : options)
  swc.parseFileSync = Object.assign(jsx, { withJsx: true })
}
withJsx(require('@swc/core'))

const TEST = '\\.test\\.tsx?$'
const DEMO_ENV = '^electron/cli/demo-env\\.ts$'
const NPM = (names) => `(^|/)node_modules/(${names})/`

// Import cycles inside electron/core that exist today. A cycle through one of these modules is a warning, any other
// cycle an error. Remove a line once its cycle is gone.
const KNOWN_CYCLE_MODULES = []
// One pattern; with no line left, one that matches no module (an empty pattern would match them all).
const KNOWN_CYCLES = KNOWN_CYCLE_MODULES.join('|') || '^$'

// A rule: `from` may not import `to`. A layer rule: files under `from` import only the local files `allowed` matches
// (npm packages and node: builtins are left to the rules that name them).
const forbid = (name, comment, from, to, severity = 'error') => ({ name, comment, severity, from, to })
const layer = (name, comment, from, allowed) => forbid(name, comment, from, { dependencyTypes: ['local'], pathNot: allowed })

module.exports = {
  forbidden: [
    layer(
      'shared-only-shared',
      'shared/ is pure TypeScript that every layer reads: it imports shared/ and npm packages such as zod.',
      { path: '^shared/' },
      '^shared/',
    ),
    layer(
      'protocols-only-protocols',
      "protocols/ holds the carriers' published wire facts and the SOAP plumbing for connectors and emulators: protocols/ and shared/ only.",
      { path: '^protocols/' },
      '^(protocols|shared)/',
    ),
    layer(
      'core-only-core',
      'electron/core imports electron/core, shared/ and protocols/. Its tests may also start sandbox/ emulators and use tests/support.',
      { path: '^electron/core/', pathNot: TEST },
      '^(electron/core|shared|protocols)/',
    ),
    layer(
      'main-only-core-shared',
      'electron/main (window, IPC, safeStorage, updater) imports electron/core and shared/, and demo mode from electron/cli/demo-env.ts.',
      { path: '^electron/main/' },
      ['^(electron/(main|core)|shared)/', DEMO_ENV],
    ),
    layer(
      'cli-only-core',
      'electron/cli imports electron/cli, electron/core, shared/ and protocols/; sandbox/ only in demo-env.ts (demo mode) and in tests.',
      { path: '^electron/cli/', pathNot: [TEST, DEMO_ENV] },
      '^(electron/(cli|core)|shared|protocols)/',
    ),
    layer(
      'cli-demo-env-only-sandbox',
      'demo-env.ts starts the sandbox emulators of demo mode: the CLI layers plus sandbox/, nothing more.',
      { path: DEMO_ENV },
      '^(electron/(cli|core)|shared|protocols|sandbox)/',
    ),
    layer(
      'renderer-only-renderer-shared',
      'The renderer talks to the core through the contract only: it imports renderer/ and shared/.',
      { path: '^renderer/' },
      '^(renderer|shared)/',
    ),
    layer(
      'sandbox-only-sandbox',
      'The emulators stand for the outside world and import no app code: sandbox/, shared/ and protocols/ (tests excepted).',
      { path: '^sandbox/', pathNot: TEST },
      '^(sandbox|shared|protocols)/',
    ),
    forbid(
      'preload-only-contract',
      "electron/preload is contextBridge only, built as CommonJS for sandbox: true: 'electron' and shared/contract, nothing else.",
      { path: '^electron/preload/' },
      { pathNot: ['^shared/contract/', NPM('electron')] },
    ),
    forbid(
      'core-not-to-shells',
      'Nothing in electron/core, tests included, imports the shells around it: electron/main, preload, cli, renderer.',
      { path: '^electron/core/' },
      { path: '^(electron/(main|preload|cli)|renderer)/' },
    ),
    forbid(
      'cli-not-to-shells',
      'electron/cli (the station CLI and station serve) never imports the Electron shell or the renderer.',
      { path: '^electron/cli/' },
      { path: '^(electron/(main|preload)|renderer)/' },
    ),
    forbid(
      'pure-no-node',
      'shared/, protocols/ and renderer/ run without Node (the renderer is DOM only): no node: builtins.',
      { path: '^(shared|protocols|renderer)/' },
      { dependencyTypes: ['core'] },
    ),
    forbid(
      'electron-only-in-shells',
      "Only the Electron shell (electron/main, electron/preload) imports 'electron'; the core runs under plain Node.",
      { pathNot: '^electron/(main|preload)/' },
      { path: NPM('electron|electron-updater') },
    ),
    forbid('react-only-in-renderer', 'React belongs to the renderer.', { pathNot: '^(renderer|tests)/' }, { path: NPM('react|react-dom') }),
    forbid(
      'no-dev-deps-at-run-time',
      'Code that runs in the CLI, the server or demo mode imports dependencies, not devDependencies (tests excepted).',
      { path: '^(shared|protocols|sandbox|electron/(core|cli))/', pathNot: TEST },
      { dependencyTypes: ['npm-dev'] },
    ),
    forbid('no-undeclared-packages', 'Every npm package imported is declared in package.json.', {}, { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] }),
    forbid('no-import-of-tests', 'A test file is never imported: what tests share goes into tests/support or beside the code.', {}, { path: TEST }),
    forbid('not-to-unresolvable', 'The import names a file or package that does not exist.', {}, { couldNotResolve: true }),
    forbid(
      'no-orphans',
      'A module nothing imports and that imports nothing is dead.',
      { orphan: true, pathNot: [TEST, '^electron/preload/index\\.ts$', '\\.d\\.ts$'] },
      {},
    ),
    forbid(
      'no-circular-core',
      'No import cycles inside electron/core: a cycle hides which module is built first.',
      { path: '^electron/core/' },
      { circular: true, viaOnly: { pathNot: KNOWN_CYCLES } },
    ),
    forbid(
      'known-circular-core',
      'A known cycle (KNOWN_CYCLES at the top of .dependency-cruiser.cjs), reported until it is taken apart.',
      { path: '^electron/core/' },
      { circular: true, via: { path: KNOWN_CYCLES } },
      'warn',
    ),
  ],
  options: {
    parser: 'swc',
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(out|dist|\\.tmp)/' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.mts', '.js', '.mjs', '.cjs', '.json'],
    },
    skipAnalysisNotInRules: true,
  },
}
