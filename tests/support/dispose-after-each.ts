import { afterEach } from 'vitest'

/** A harness (`dispose`) or an emulator (`close`) a test started. */
type Closable = { dispose(): Promise<void> } | { close(): Promise<void> }

/**
 * After each test, disposes or closes what `current` names, in that order, skipping what the test
 * did not start, then calls `reset` (so the next test starts from nothing).
 */
export function disposeAfterEach(current: () => ReadonlyArray<Closable | null>, reset: () => void): void {
  afterEach(async () => {
    for (const resource of current()) {
      if (resource) await ('dispose' in resource ? resource.dispose() : resource.close())
    }
    reset()
  })
}
