import type { CommandHandlers } from '../../../shared/contract/commands'
import type { Db } from '../db/database'
import { listOrders } from './orders.repository'

/** The orders known to this desk, by status (opening one is the packing workflow's `orders.open`). */
export function ordersCommands(deps: Readonly<{ db: Db }>): Pick<CommandHandlers, 'orders.list'> {
  return {
    'orders.list': (input) => listOrders(deps.db, input),
  }
}
