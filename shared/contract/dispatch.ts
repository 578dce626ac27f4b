import { AppError, ErrorCode, fail, ok, type Result } from '../errors'
import { commandInputs, type CommandHandlers, type CommandName } from './commands'

function isCommandName(name: string): name is CommandName {
  return Object.prototype.hasOwnProperty.call(commandInputs, name)
}

/**
 * The single place where untrusted input meets the handlers: unknown names and inputs that fail
 * their schema are refused before any handler runs, so bad input changes nothing.
 * Used by both the Electron IPC registration and the WebSocket server.
 */
export async function dispatchCommand(handlers: CommandHandlers, name: unknown, rawInput: unknown, onBug?: (err: unknown) => void): Promise<Result<unknown>> {
  if (typeof name !== 'string' || !isCommandName(name)) {
    return fail(new AppError(ErrorCode.unknownCommand, `unknown command: ${String(name).slice(0, 64)}`))
  }
  const parsed = commandInputs[name].safeParse(rawInput ?? {})
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`).join('; ')
    return fail(new AppError(ErrorCode.inputInvalid, `${name}: ${detail}`, { meta: { command: name } }))
  }
  try {
    // `as never`: TS cannot correlate handlers[name] with commandInputs[name] through the union.
    return ok(await handlers[name](parsed.data as never))
  } catch (err) {
    if (!(err instanceof AppError)) onBug?.(err)
    return fail(err)
  }
}
