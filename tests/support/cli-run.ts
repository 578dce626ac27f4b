import { main } from '../../electron/cli/main'

export type CliRun = Readonly<{ code: number; stdout: string; stderr: string }>

/** Runs `station …` in-process with its output captured, as a user at a terminal would see it. */
export async function runCli(argv: readonly string[]): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const code = await main(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) })
  return { code, stdout, stderr }
}
