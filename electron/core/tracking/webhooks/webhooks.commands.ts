import type { CommandHandlers } from '../../../../shared/contract/commands'
import type { StationWebhooks } from './webhook-station'

/** The carrier push receiver as the settings screen shows it: where it listens, counters, latest requests. */
export function webhooksCommands(deps: Readonly<{ webhooks: StationWebhooks }>): Pick<CommandHandlers, 'tracking.webhooks'> {
  return {
    'tracking.webhooks': async () => deps.webhooks.status(),
  }
}
