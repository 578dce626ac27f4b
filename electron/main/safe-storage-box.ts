import { safeStorage } from 'electron'
import { createFileSecretBox, FILE_BOX_PREFIX, type SecretBox } from '../core/secrets/secret-box'

const PREFIX = 'enc:ss1:'

/**
 * The desktop app's secret box: Electron safeStorage (DPAPI on Windows, Keychain on macOS,
 * libsecret/kwallet on Linux) for new secrets; "enc:v1:" tokens written by the headless server or
 * the CLI on this desk still open with the data folder's key file. Where the OS offers no key
 * store (safeStorage unavailable), the file box is used for both.
 */
export function createSafeStorageBox(dataDir: string): SecretBox {
  const file = createFileSecretBox(dataDir)
  if (!safeStorage.isEncryptionAvailable()) return file
  return {
    prefix: PREFIX,
    encrypt: (plain) => PREFIX + safeStorage.encryptString(plain).toString('base64'),
    decrypt: (token) =>
      token.startsWith(FILE_BOX_PREFIX) ? file.decrypt(token) : safeStorage.decryptString(Buffer.from(token.slice(PREFIX.length), 'base64')),
  }
}
