import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll } from 'vitest'

/**
 * A temp folder for the whole test file (or the describe block it is called in): made before its first test (then
 * `setUp` runs, to write what the tests read or start what lives in the folder), removed with all it holds after its
 * last. Call the result inside a test or hook for its path.
 */
export function tempDirForFile(prefix: string, setUp?: (dir: string) => Promise<void>): () => string {
  let dir: string | null = null
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), prefix))
    await setUp?.(dir)
  })
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true })
    dir = null
  })
  return () => dir ?? failOutsideFile(prefix)
}

function failOutsideFile(prefix: string): never {
  throw new Error(`tempDirForFile('${prefix}'): the folder exists only while the file's tests run`)
}
