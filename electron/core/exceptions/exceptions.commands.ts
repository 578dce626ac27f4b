import type { CommandHandlers } from '../../../shared/contract/commands'
import type { ExceptionsService } from './exceptions.service'

type ExceptionCommands =
  | 'exceptions.list'
  | 'exceptions.suggestPlaces'
  | 'exceptions.fixAddress'
  | 'exceptions.retry'
  | 'exceptions.useCarrier'
  | 'exceptions.override'
  | 'exceptions.resolvePrinter'
  | 'exceptions.settle'

/** The exceptions queue's commands (issue 12); each action is audited and role-checked in the service. */
export function exceptionsCommands(deps: Readonly<{ exceptions: ExceptionsService }>): Pick<CommandHandlers, ExceptionCommands> {
  const x = deps.exceptions
  return {
    'exceptions.list': () => x.list(),
    'exceptions.suggestPlaces': async ({ query }) => x.suggestPlaces(query),
    'exceptions.fixAddress': (input) => x.fixAddress(input),
    'exceptions.retry': (input) => x.retry(input),
    'exceptions.useCarrier': (input) => x.useCarrier(input),
    'exceptions.override': (input) => x.override(input),
    'exceptions.resolvePrinter': (input) => x.resolvePrinter(input),
    'exceptions.settle': (input) => x.settle(input),
  }
}
