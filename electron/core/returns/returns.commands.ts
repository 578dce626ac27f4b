import type { CommandHandlers } from '../../../shared/contract/commands'
import type { ReturnService } from './return.service'

/** Returns (iade): a supervisor creates one for a shipped order; anyone lists an order's returns. */
export function returnsCommands(deps: Readonly<{ returns: ReturnService }>): Pick<CommandHandlers, 'returns.create' | 'returns.list'> {
  return {
    'returns.create': (input) => deps.returns.create(input),
    'returns.list': ({ code }) => deps.returns.list(code),
  }
}
