// Moved to shared/scan/scan-timing.ts (one rule for the renderer, the core and the emulator tests).
// Only this type re-export is left, for renderer/src/hooks/use-desk.ts; delete the file once that imports from shared.
export type { ScanSource } from '../../../shared/scan/scan-timing'
