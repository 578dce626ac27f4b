import { ipcMain, type WebContents, type WebFrameMain } from 'electron'
import type { CommandHandlers } from '../../shared/contract/commands'
import { COMMAND_NAMES } from '../../shared/contract/commands'
import { dispatchCommand, type CommandAccess } from '../../shared/contract/dispatch'
import type { EventName, EventPayloads } from '../../shared/contract/events'
import { AppError, ErrorCode, fail } from '../../shared/errors'

/**
 * The only module that touches ipcMain / webContents.send. Every command is answered with the
 * Result envelope, after a trusted-sender check and the same zod parse and role check the WebSocket server uses.
 */
export function registerCommands(
  handlers: CommandHandlers,
  access: CommandAccess,
  isTrustedUrl: (url: string) => boolean,
  log: (line: string) => void,
): () => void {
  const trusted = (frame: WebFrameMain | null | undefined) => Boolean(frame && isTrustedUrl(frame.url))
  ipcMain.handle('kj:invoke', async (event, name: unknown, input: unknown) => {
    if (!trusted(event.senderFrame)) return fail(new AppError(ErrorCode.untrustedSender, 'untrusted sender'))
    return dispatchCommand(handlers, name, input, access, (err) => log(`bug in ${String(name)}: ${(err as Error).stack ?? String(err)}`))
  })
  return () => ipcMain.removeHandler('kj:invoke')
}

export function sendEvent<E extends EventName>(contents: WebContents, name: E, payload: EventPayloads[E]): void {
  if (!contents.isDestroyed()) contents.send('kj:event', name, payload)
}

export const KNOWN_COMMANDS = COMMAND_NAMES
