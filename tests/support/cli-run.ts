import { main } from '../../electron/cli/main'
import type { CliCommand, CliIo } from '../../electron/cli/cli.types'

export type CliRun = Readonly<{ code: number; stdout: string; stderr: string }>

/** Runs `station …` in-process with its output captured, as a user at a terminal would see it. */
export function runCli(argv: readonly string[]): Promise<CliRun> {
  return captured((io) => main(argv, io))
}

/** Runs one command's own `run` in-process (no `station` word lookup), its output captured. */
export function runCommand(command: Pick<CliCommand, 'run'>, argv: readonly string[]): Promise<CliRun> {
  return captured((io) => command.run(argv, io))
}

async function captured(run: (io: CliIo) => Promise<number>): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const code = await run({ stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) })
  return { code, stdout, stderr }
}
