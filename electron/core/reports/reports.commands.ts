import type { CommandHandlers } from '../../../shared/contract/commands'
import type { Db } from '../db/database'
import type { WeightTolerance } from '../packing/packing.rules'
import { buildSummary } from './reports.service'

/** The day's (or a range's) packing summary: from today's start (UTC midnight) to now unless given. */
export function reportsCommands(
  deps: Readonly<{ db: Db; tolerance: WeightTolerance; carrierNames: ReadonlyMap<string, string> }>,
): Pick<CommandHandlers, 'reports.summary'> {
  return {
    'reports.summary': async ({ from, to }) => {
      const end = to ?? new Date().toISOString()
      const start = from ?? new Date(new Date(end).setUTCHours(0, 0, 0, 0)).toISOString()
      return buildSummary(deps.db, { from: start, to: end }, { tolerance: deps.tolerance, carrierNames: deps.carrierNames })
    },
  }
}
