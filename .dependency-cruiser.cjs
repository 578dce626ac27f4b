// The layer rules of docs/architecture.md ("Layers"), checked by dependency-cruiser on every import. `npm run lint` runs
// it over the source folders, then scripts/lint-layers.mjs for the few rules an import graph cannot express.
// tests/tooling/layer-rules.test.ts builds a small tree with one forbidden import per rule and checks each is caught.
// Paths are relative to the folder depcruise runs in (the repository root).
//
// One gap: TypeScript 7 has no JS API, so the parser is @swc/core, and dependency-cruiser asks swc for TypeScript
// without JSX. The renderer's .tsx files are listed but not parsed (extraExtensionsToScan); scripts/lint-layers.mjs
// checks their imports with the renderer rule below. swc does not mark `import type` either: type imports count.

const TEST = '\\.test\\.tsx?$'
const DEMO_ENV = '^electron/cli/demo-env\\.ts$'
const NPM = (names) => `(^|/)node_modules/(${names})/`

// Import cycles inside electron/core that exist today. A cycle through one of these modules is a warning, any other
// cycle an error. Remove a line once its cycle is gone.
const KNOWN_CYCLES = [
  // carrier-registry -> <id>.plugin -> carrier-plugin -> carrier-capabilities -> carrier-registry. The edge
  // carrier-plugin -> carrier-capabilities is `import type` only (no cycle at run time). It goes when the
  // CarrierCapabilities type moves to carrier-plugin.ts beside NO_CAPABILITIES.
  '^electron/core/carriers/carrier-(plugin|capabilities|registry)\\.ts$',
].join('|')

module.exports = {
  forbidden: [
    {
      name: 'shared-only-shared',
      comment: 'shared/ is pure TypeScript that every layer reads: it imports shared/ and npm packages such as zod, nothing else.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { dependencyTypes: ['local'], pathNot: '^shared/' },
    },
    {
      name: 'pure-no-node',
      comment: 'shared/, protocols/ and renderer/ run without Node (the renderer is DOM only): no node: builtins.',
      severity: 'error',
      from: { path: '^(shared|protocols|renderer)/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'electron-only-in-shells',
      comment: "Only the Electron shell (electron/main, electron/preload) imports 'electron'; the core runs under plain Node.",
      severity: 'error',
      from: { pathNot: '^electron/(main|preload)/' },
      to: { path: NPM('electron|electron-updater') },
    },
    {
      name: 'react-only-in-renderer',
      comment: 'React belongs to the renderer.',
      severity: 'error',
      from: { pathNot: '^(renderer|tests)/' },
      to: { path: NPM('react|react-dom') },
    },
    {
      name: 'core-only-core',
      comment: 'electron/core imports electron/core, shared/ and protocols/. Its tests may also start sandbox/ emulators and use tests/support.',
      severity: 'error',
      from: { path: '^electron/core/', pathNot: TEST },
      to: { dependencyTypes: ['local'], pathNot: '^(electron/core|shared|protocols)/' },
    },
    {
      name: 'core-not-to-shells',
      comment: 'Nothing in electron/core, tests included, imports the shells around it: electron/main, preload, cli, renderer.',
      severity: 'error',
      from: { path: '^electron/core/' },
      to: { path: '^(electron/(main|preload|cli)|renderer)/' },
    },
    {
      name: 'main-only-core-shared',
      comment: 'electron/main (window, IPC, safeStorage, updater) imports electron/core and shared/, and demo mode from electron/cli/demo-env.ts.',
      severity: 'error',
      from: { path: '^electron/main/' },
      to: { dependencyTypes: ['local'], pathNot: ['^(electron/(main|core)|shared)/', DEMO_ENV] },
    },
    {
      name: 'preload-only-contract',
      comment: "electron/preload is contextBridge only, built as CommonJS for sandbox: true: 'electron' and shared/contract, nothing else.",
      severity: 'error',
      from: { path: '^electron/preload/' },
      to: { pathNot: ['^shared/contract/', NPM('electron')] },
    },
    {
      name: 'cli-not-to-shells',
      comment: 'electron/cli (the station CLI and station serve) never imports the Electron shell or the renderer.',
      severity: 'error',
      from: { path: '^electron/cli/' },
      to: { path: '^(electron/(main|preload)|renderer)/' },
    },
    {
      name: 'cli-only-core',
      comment: 'electron/cli imports electron/cli, electron/core, shared/ and protocols/; sandbox/ only in demo-env.ts (demo mode) and in tests.',
      severity: 'error',
      from: { path: '^electron/cli/', pathNot: [TEST, DEMO_ENV] },
      to: { dependencyTypes: ['local'], pathNot: '^(electron/(cli|core)|shared|protocols)/' },
    },
    {
      name: 'cli-demo-env-only-sandbox',
      comment: 'demo-env.ts starts the sandbox emulators of demo mode: the CLI layers plus sandbox/, nothing more.',
      severity: 'error',
      from: { path: DEMO_ENV },
      to: { dependencyTypes: ['local'], pathNot: '^(electron/(cli|core)|shared|protocols|sandbox)/' },
    },
    {
      name: 'renderer-only-renderer-shared',
      comment: 'The renderer talks to the core through the contract only: it imports renderer/ and shared/.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { dependencyTypes: ['local'], pathNot: '^(renderer|shared)/' },
    },
    {
      name: 'sandbox-only-sandbox',
      comment: 'The emulators stand for the outside world and import no app code: sandbox/, shared/ and protocols/ (tests excepted).',
      severity: 'error',
      from: { path: '^sandbox/', pathNot: TEST },
      to: { dependencyTypes: ['local'], pathNot: '^(sandbox|shared|protocols)/' },
    },
    {
      name: 'protocols-only-protocols',
      comment: "protocols/ holds the carriers' published wire facts and the SOAP plumbing for connectors and emulators: protocols/ and shared/ only.",
      severity: 'error',
      from: { path: '^protocols/' },
      to: { dependencyTypes: ['local'], pathNot: '^(protocols|shared)/' },
    },
    {
      name: 'no-dev-deps-at-run-time',
      comment: 'Code that runs in the CLI, the server or demo mode imports dependencies, not devDependencies (tests excepted).',
      severity: 'error',
      from: { path: '^(shared|protocols|sandbox|electron/(core|cli))/', pathNot: TEST },
      to: { dependencyTypes: ['npm-dev'] },
    },
    {
      name: 'no-undeclared-packages',
      comment: 'Every npm package imported is declared in package.json.',
      severity: 'error',
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'no-import-of-tests',
      comment: 'A test file is never imported: what tests share goes into tests/support or beside the code.',
      severity: 'error',
      from: {},
      to: { path: TEST },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'The import names a file or package that does not exist.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-orphans',
      comment: 'A module nothing imports and that imports nothing is dead. (Renderer files are left out: their .tsx importers are not parsed.)',
      severity: 'error',
      from: { orphan: true, pathNot: [TEST, '^renderer/', '^electron/preload/index\\.ts$', '\\.d\\.ts$'] },
      to: {},
    },
    {
      name: 'no-circular-core',
      comment: 'No import cycles inside electron/core: a cycle hides which module is built first.',
      severity: 'error',
      from: { path: '^electron/core/' },
      to: { circular: true, viaOnly: { pathNot: KNOWN_CYCLES } },
    },
    {
      name: 'known-circular-core',
      comment: 'A known cycle (KNOWN_CYCLES at the top of .dependency-cruiser.cjs), reported until it is taken apart.',
      severity: 'warn',
      from: { path: '^electron/core/' },
      to: { circular: true, via: { path: KNOWN_CYCLES } },
    },
  ],
  options: {
    parser: 'swc',
    extraExtensionsToScan: ['.tsx'],
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
