import { app, BrowserWindow, dialog, session } from 'electron'
import electronUpdater from 'electron-updater'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { adminConfigPath, loadConfig } from '../core/config/config.loader'
import { createStation, type Station } from '../core/station'
import { createAdapters } from '../core/station.adapters'
import { autoWeigh, startDemoEnvironment, type DemoEnvironment } from '../cli/demo-env'
import { registerCommands, sendEvent } from './ipc'
import { createSafeStorageBox } from './safe-storage-box'

// The Electron shell: composition root, one window, IPC registration, updater. Everything the
// station does lives in electron/core and runs the same in the headless server.
const rendererIndex = join(import.meta.dirname, '../renderer/index.html')
const rendererUrl = pathToFileURL(rendererIndex).href

let station: Station | null = null
let demo: DemoEnvironment | null = null

async function boot(): Promise<void> {
  const dataDir = app.getPath('userData')
  const configured = existsSync(join(dataDir, 'station.json')) || existsSync(adminConfigPath())
  demo = configured ? null : await startDemoEnvironment(dataDir)
  const config = loadConfig(dataDir, demo?.overrides ?? {}, adminConfigPath(), { secretBox: createSafeStorageBox(dataDir) })
  const adapters = createAdapters(config)
  station = await createStation(dataDir, config, adapters)

  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  const win = new BrowserWindow({
    width: 1366,
    height: 800,
    title: 'KargoJet Station',
    backgroundColor: '#0f1720',
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  })
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
  win.webContents.on('will-navigate', (event) => event.preventDefault())

  registerCommands(station.handlers, (url) => url === rendererUrl, (line) => console.error(line))
  station.subscribe((name, payload) => {
    sendEvent(win.webContents, name, payload)
    if (name === 'packing.changed' && adapters.simulateWeight) autoWeigh(payload as Parameters<typeof autoWeigh>[0], adapters.simulateWeight)
  })
  await win.loadFile(rendererIndex)

  if (app.isPackaged) {
    // electron-updater is CommonJS; its default export carries autoUpdater.
    void electronUpdater.autoUpdater.checkForUpdatesAndNotify().catch((err: Error) => console.error(`update check failed: ${err.message}`))
  }
}

app.whenReady().then(boot, (err: Error) => dialog.showErrorBox('KargoJet Station', err.message))
app.on('window-all-closed', () => app.quit())
app.on('before-quit', () => {
  void station?.dispose()
  void demo?.dispose()
})
