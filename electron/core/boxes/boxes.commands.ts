import type { CommandHandlers } from '../../../shared/contract/commands'
import type { Db } from '../db/database'
import { listBoxes } from './boxes.repository'

/** The box catalog, for the box picker. */
export function boxesCommands(deps: Readonly<{ db: Db }>): Pick<CommandHandlers, 'boxes.list'> {
  return {
    'boxes.list': () => listBoxes(deps.db),
  }
}
