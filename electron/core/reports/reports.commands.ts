import { deskDayStart } from '../../../shared/desk-day'
import type { CommandHandlers } from '../../../shared/contract/commands'
import type { Db } from '../db/database'
import type { WeightTolerance } from '../packing/packing.rules'
import { buildSummary } from './reports.service'

/** The day's (or a range's) packing summary: from the desk's day start (local midnight) to now unless given. */
export function reportsCommands(
  deps: Readonly<{ db: Db; tolerance: WeightTolerance; carrierNames: ReadonlyMap<string, string> }>,
): Pick<CommandHandlers, 'reports.summary'> {
  return {
    'reports.summary': async ({ from, to }) => {
      const end = to ?? new Date().toISOString()
      const start = from ?? deskDayStart(new Date(end)).toISOString()
      return buildSummary(deps.db, { from: start, to: end }, { tolerance: deps.tolerance, carrierNames: deps.carrierNames })
    },
  }
}
