// The operating system's key store for the office's private keys (kunci.service.ts KeyVault):
// DPAPI on Windows, the Keychain on macOS, the Secret Service on Linux. A database file copied
// off this PC then carries only sealed private keys. Main opens the database with it.

import { safeStorage } from 'electron'
import type { KeyVault } from '../core/features/kunci/kunci.service'

export function osKeyVault(): KeyVault | null {
  if (!safeStorage.isEncryptionAvailable()) return null
  // Linux without a keyring falls back to a password built into Chromium: no protection, and
  // sealing with it would only tie the keys to this build. Keep them as the CLI does.
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return null
  return {
    scheme: 'os',
    seal: (plain) => safeStorage.encryptString(plain).toString('base64'),
    open: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
  }
}
