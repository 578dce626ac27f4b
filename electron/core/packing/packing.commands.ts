import type { CommandHandlers } from '../../../shared/contract/commands'
import { normalizeScan } from '../../../shared/scan/normalize-scan'
import type { ScanNormalizing } from '../devices/scanner/scan-options'
import type { PackingService } from './packing.service'

export type PackingCommand =
  | 'session.login'
  | 'session.logout'
  | 'scan.submit'
  | 'orders.open'
  | 'packing.confirmItem'
  | 'packing.selectBox'
  | 'packing.setDimensions'
  | 'packing.override'
  | 'packing.retry'
  | 'packing.cancel'
  | 'labels.reprint'
  | 'labels.resolveUncertain'
  | 'labels.deferUncertain'

/**
 * The packing desk's commands: the packer's session, the one scanner entry, and each step of the
 * workflow, all carried out by the PackingService. `scanOptions` is read per scan: the wedge layout
 * can change at run time (the settings screen's scanner self-test).
 */
export function packingCommands(deps: Readonly<{ packing: PackingService; scanOptions: ScanNormalizing['options'] }>): Pick<CommandHandlers, PackingCommand> {
  const { packing } = deps
  return {
    'session.login': ({ badge, pin }) => packing.login(badge, pin),
    'session.logout': () => packing.logout(),
    'scan.submit': ({ code, source }) => packing.scan(normalizeScan(code, deps.scanOptions(source)).code),
    'orders.open': ({ code }) => packing.openOrder(code),
    'packing.confirmItem': ({ code }) => packing.confirmItem(code),
    'packing.selectBox': ({ boxCode }) => packing.selectBox(boxCode),
    'packing.setDimensions': (dims) => packing.setDimensions(dims),
    'packing.override': ({ supervisorBadge, reason }) => packing.override(supervisorBadge, reason),
    'packing.retry': () => packing.retry(),
    'packing.cancel': () => packing.cancel(),
    'labels.reprint': ({ orderCode, reason }) => packing.reprint(orderCode, reason),
    'labels.resolveUncertain': ({ decision, jobId }) => packing.resolveUncertainPrint(decision, jobId),
    'labels.deferUncertain': ({ supervisorBadge }) => packing.deferUnconfirmed(supervisorBadge),
  }
}
