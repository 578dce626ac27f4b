import { contextBridge, ipcRenderer } from 'electron'

// Built as CommonJS so the window keeps sandbox: true. Only names from the contract pass; the
// main process re-validates every input anyway (the renderer is untrusted).
const EVENTS = new Set(['packing.changed', 'scale.reading', 'devices.statusChanged', 'sync.statusChanged'])

contextBridge.exposeInMainWorld('kargojet', {
  invoke: (name: string, input: unknown) => ipcRenderer.invoke('kj:invoke', name, input),
  on: (name: string, listener: (payload: unknown) => void) => {
    if (!EVENTS.has(name)) throw new Error(`unknown event ${name}`)
    const wrapped = (_e: unknown, eventName: string, payload: unknown) => {
      if (eventName === name) listener(payload)
    }
    ipcRenderer.on('kj:event', wrapped)
    return () => ipcRenderer.removeListener('kj:event', wrapped)
  },
})
