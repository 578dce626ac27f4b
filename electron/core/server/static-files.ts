import { readFile } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.wav': 'audio/wav',
}

/** Resolves a URL path inside root; null for anything that would escape it. */
export function safePath(root: string, urlPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/')
  } catch {
    return null // malformed percent-encoding: not a file we serve
  }
  if (decoded.includes('\0')) return null
  const rel = normalize(decoded === '/' ? '/index.html' : decoded).replace(/^([/\\])+/, '')
  const full = join(root, rel)
  return full === root || full.startsWith(root.endsWith(sep) ? root : root + sep) ? full : null
}

export async function readStatic(root: string, urlPath: string): Promise<{ body: Buffer; type: string } | null> {
  const path = safePath(root, urlPath)
  if (!path) return null
  try {
    return { body: await readFile(path), type: TYPES[extname(path)] ?? 'application/octet-stream' }
  } catch {
    return null // not found (or a directory): the caller answers 404
  }
}
