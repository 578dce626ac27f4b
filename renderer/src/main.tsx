import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { createStationClient } from './lib/station-client'
import './styles.css'

// One client for the page's life: the Electron bridge when present, else the headless server's WebSocket.
const client = createStationClient(window)
const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root')
createRoot(root).render(
  <StrictMode>
    <App client={client} />
  </StrictMode>,
)
