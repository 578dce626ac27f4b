import type { CommandHandlers } from '../../../../shared/contract/commands'
import { AppError, ErrorCode } from '../../../../shared/errors'
import { msg } from '../../../../shared/i18n/notice-codes'

/** Demo mode only: the UI's scale simulator puts a weight on the simulated scale (0 lifts it off). */
export function scaleCommands(deps: Readonly<{ demo: boolean; simulateWeight?: (grams: number) => void }>): Pick<CommandHandlers, 'scale.simulate'> {
  return {
    'scale.simulate': async ({ grams }) => {
      if (!deps.demo || !deps.simulateWeight) throw new AppError(ErrorCode.wrongState, msg('demo.simulatorOnly'))
      deps.simulateWeight(grams)
      return null
    },
  }
}
