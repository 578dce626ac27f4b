import { homedir } from 'node:os'
import { join } from 'node:path'

/** The same folder Electron's app.getPath('userData') gives for productName "KargoJet Station". */
export function defaultDataDir(platform = process.platform, env = process.env): string {
  if (env.KARGOJET_DATA_DIR) return env.KARGOJET_DATA_DIR
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'KargoJet Station')
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'KargoJet Station')
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'KargoJet Station')
}
