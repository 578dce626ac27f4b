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

/**
 * For a test that starts things as it goes: `track` each one (it is returned as is); after each test they are
 * disposed, closed or removed newest first (the desks before their cloud, the cloud before its folder).
 */
export function trackedAfterEach(): <T extends Closable>(resource: T) => T {
  const started: Closable[] = []
  disposeAfterEach(
    () => started.splice(0).reverse(),
    () => undefined,
  )
  return (resource) => {
    started.push(resource)
    return resource
  }
}
