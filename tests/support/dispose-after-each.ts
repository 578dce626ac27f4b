import { rmSync } from 'node:fs'
import { afterEach } from 'vitest'

/** A harness (`dispose`), an emulator (`close`) a test started, or a temp folder it made (removed). */
type Closable = { dispose(): Promise<void> } | { close(): Promise<void> } | string

/**
 * After each test, disposes, closes or removes what `current` names, in that order, skipping what the test
 * did not start, then calls `reset` (so the next test starts from nothing).
 */
export function disposeAfterEach(current: () => ReadonlyArray<Closable | null>, reset: () => void): void {
  afterEach(async () => {
    for (const resource of current()) {
      if (!resource) continue
      if (typeof resource === 'string') rmSync(resource, { recursive: true, force: true })
      else await ('dispose' in resource ? resource.dispose() : resource.close())
    }
    reset()
  })
}
