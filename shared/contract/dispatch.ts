import { roleAtLeast, type PackerRole } from '../domain/packer'
import { AppError, ErrorCode, fail, ok, type Result } from '../errors'
import { msg } from '../i18n/notice-codes'
import { COMMAND_MINIMUM_ROLE } from './command-roles'
import { commandInputs, type CommandHandlers, type CommandName } from './commands'

/** Who is at the desk, as the role check sees it: the role of the badge logged in, or null. */
export type CommandAccess = Readonly<{ sessionRole: () => PackerRole | null }>

const ROLE_REFUSAL = {
  supervisor: { code: ErrorCode.supervisorRequired, notice: 'session.supervisorOnly' },
  manager: { code: ErrorCode.roleRequired, notice: 'session.managerOnly' },
  admin: { code: ErrorCode.roleRequired, notice: 'session.adminOnly' },
} as const

/** Null when the session may send `name`; else the refusal (no login: session.required; too low a role: the role it needs). */
export function checkCommandRole(name: CommandName, role: PackerRole | null): AppError | null {
  const minimum = COMMAND_MINIMUM_ROLE[name]
  if (minimum === 'none' || roleAtLeast(role, minimum)) return null
  const meta = { command: name, required: minimum, role }
  if (role === null) return new AppError(ErrorCode.sessionRequired, msg('session.scanBadgeFirst'), { meta })
  // A packer minimum is met by any login, so only the higher roles can be missing here.
  const refusal = ROLE_REFUSAL[minimum as Exclude<PackerRole, 'packer'>]
  return new AppError(refusal.code, msg(refusal.notice), { meta })
}

function isCommandName(name: string): name is CommandName {
  return Object.prototype.hasOwnProperty.call(commandInputs, name)
}

/**
 * The single place where untrusted input meets the handlers: unknown names, inputs that fail
 * their schema and a session below the command's minimum role (command-roles.ts) are refused
 * before any handler runs, so bad input changes nothing.
 * Used by both the Electron IPC registration and the WebSocket server.
 */
export async function dispatchCommand(
  handlers: CommandHandlers,
  name: unknown,
  rawInput: unknown,
  access: CommandAccess,
  onBug?: (err: unknown) => void,
): Promise<Result<unknown>> {
  if (typeof name !== 'string' || !isCommandName(name)) {
    return fail(new AppError(ErrorCode.unknownCommand, `unknown command: ${String(name).slice(0, 64)}`))
  }
  const parsed = commandInputs[name].safeParse(rawInput ?? {})
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`).join('; ')
    return fail(new AppError(ErrorCode.inputInvalid, `${name}: ${detail}`, { meta: { command: name } }))
  }
  const refused = checkCommandRole(name, access.sessionRole())
  if (refused) return fail(refused)
  try {
    // `as never`: TS cannot correlate handlers[name] with commandInputs[name] through the union.
    return ok(await handlers[name](parsed.data as never))
  } catch (err) {
    if (!(err instanceof AppError)) onBug?.(err)
    return fail(err)
  }
}
