import { app, BrowserWindow, dialog, session } from 'electron'
import electronUpdater from 'electron-updater'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { adminConfigPath, loadConfig } from '../core/config/config.loader'
import { acquireInstanceLock, type InstanceLock } from '../core/instance-lock'
import { createStation, type Station } from '../core/station'
import { createAdapters } from '../core/station.adapters'
import { autoWeigh, startDemoEnvironment, type DemoEnvironment } from '../cli/demo-env'
import { registerCommands, sendEvent } from './ipc'
import { createSafeStorageBox } from './safe-storage-box'
import { startFailureText } from './start-failure'

// The Electron shell: composition root, one window, IPC registration, updater. Everything the
// station does lives in electron/core and runs the same in the headless server.
const rendererIndex = join(import.meta.dirname, '../renderer/index.html')
const rendererUrl = pathToFileURL(rendererIndex).href

let station: Station | null = null
let demo: DemoEnvironment | null = null
let lock: InstanceLock | null = null
let mainWindow: BrowserWindow | null = null

async function boot(): Promise<void> {
  const dataDir = app.getPath('userData')
  // One desk per data folder, across shells: a `station serve` on this folder holds the same lock.
  lock = acquireInstanceLock(dataDir, { shell: 'electron' })
  const configured = existsSync(join(dataDir, 'station.json')) || existsSync(adminConfigPath())
  demo = configured ? null : await startDemoEnvironment(dataDir)
  const config = loadConfig(dataDir, demo?.overrides ?? {}, adminConfigPath(), { secretBox: createSafeStorageBox(dataDir) })
  const adapters = createAdapters(config)
  station = await createStation(dataDir, config, adapters)

  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  const win = (mainWindow = new BrowserWindow({
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
  }))
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
  win.webContents.on('will-navigate', (event) => event.preventDefault())

  registerCommands(
    station.handlers,
    station.access,
    (url) => url === rendererUrl,
    (line) => console.error(line),
  )
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

/** Any failed start (invalid station.json, a newer or damaged database, a secret that does not open, another desk on the folder): say so, then quit. */
async function failStart(err: unknown): Promise<void> {
  console.error(`start failed: ${(err as Error)?.stack ?? String(err)}`)
  const text = startFailureText(err, app.getPath('userData'))
  dialog.showErrorBox(text.title, text.message)
  await Promise.allSettled([station?.dispose(), demo?.dispose()])
  lock?.release()
  app.exit(1)
}

// Electron's own lock (per userData folder) stops a second app at once and focuses the first.
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  app.whenReady().then(boot).catch(failStart)
  app.on('window-all-closed', () => app.quit())
  app.on('before-quit', () => {
    void station?.dispose()
    void demo?.dispose()
  })
  // The data folder's lock goes last, once nothing of this desk runs any more.
  app.on('will-quit', () => lock?.release())
  process.once('exit', () => lock?.release())
}
