import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

/**
 * Builds the packing-desk UI (renderer/) into out/renderer, which both the Electron window and the
 * headless server (`station serve`) load. `base: './'` keeps asset URLs relative so the same build
 * works from file:// and from http://host:port/. Vite requires the default export here.
 */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
  },
})
