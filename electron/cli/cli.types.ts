/** Where a command writes; tests pass buffers, the real CLI passes process streams. */
export type CliIo = Readonly<{
  stdout: (text: string) => void
  stderr: (text: string) => void
}>

/**
 * One CLI command. `run` returns the exit code: 0 ok, 2 bad input, 1 other failure
 * (3 where a command documents it, e.g. no scale weight in time).
 * Throwing an AppError with code `input.invalid` is the same as returning 2 with its message
 * on stderr; any other AppError exits 1. Never print a stack trace for an expected failure.
 */
export type CliCommand = Readonly<{
  /** Words after `station`, e.g. 'ship' or 'label render'. */
  name: string
  summary: string
  usage: string
  run(argv: readonly string[], io: CliIo): Promise<number>
}>
