import { z } from 'zod'

/** Longest command name the WebSocket accepts; every real name is far shorter. */
export const MAX_COMMAND_NAME_CHARS = 128

/**
 * One request on the WebSocket, as the UI sends it: `{ id, name, input }`. Checked before anything
 * in it is used; the command's own input schema is applied later by dispatchCommand.
 * `id` is the UI's positive request counter; replies to requests without a usable id carry -1.
 */
export const wireRequestSchema = z.object({
  id: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  name: z.string().min(1).max(MAX_COMMAND_NAME_CHARS),
  input: z.unknown().optional(),
})
export type WireRequest = z.infer<typeof wireRequestSchema>

/** The request id to answer with: the message's own id when it is a usable one, else -1. */
export function replyIdOf(message: unknown): number {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return -1
  const id = Object.prototype.hasOwnProperty.call(message, 'id') ? (message as { id?: unknown }).id : undefined
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : -1
}

/** WebSocket close codes the server uses (RFC 6455 §7.4.1). */
export const WsCloseCode = {
  /** 1007: a text frame that is not UTF-8 (sent by the ws library itself). */
  invalidPayload: 1007,
  /** 1008: policy: too many messages, or a client that does not read its replies. */
  policyViolation: 1008,
  /** 1009: a message over the size limit (sent by the ws library itself). */
  messageTooBig: 1009,
} as const
