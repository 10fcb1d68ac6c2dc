// The code step, kept for this tab across reloads and back/forward: what the code step needs to show
// and to check a code, never the full number. Storage may be missing or throw; then nothing is kept.
import { CHANNELS } from '../channels'
import type { KeyValueStorage } from '../types'
import type { LoginChannel } from './types'

export const SAVED_CODE_KEY = 'otpkit:login:code'

export interface SavedCode {
  method_id: string
  channel: LoginChannel
  masked: string
  expiresAt: number
}

export interface SavedCodeStore {
  read(now: number): SavedCode | null
  write(saved: SavedCode): void
  clear(): void
}

export function defaultSessionStorage(): KeyValueStorage | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage
  } catch {
    // Reading `sessionStorage` itself throws when storage is blocked.
    return null
  }
}

export function createSavedCodeStore(storage: KeyValueStorage | null): SavedCodeStore {
  const attempt = <T>(run: () => T): T | null => {
    try {
      return storage ? run() : null
    } catch {
      return null
    }
  }
  const clear = () => void attempt(() => storage?.removeItem(SAVED_CODE_KEY))
  return {
    read(now) {
      const text = attempt(() => storage?.getItem(SAVED_CODE_KEY))
      if (!text) return null
      let saved: Partial<SavedCode> | null = null
      try {
        saved = JSON.parse(text) as Partial<SavedCode>
      } catch {
        // Not ours or damaged: treated as nothing saved.
      }
      const valid =
        typeof saved?.method_id === 'string' &&
        typeof saved.channel === 'string' &&
        Object.hasOwn(CHANNELS, saved.channel) &&
        typeof saved.masked === 'string' &&
        typeof saved.expiresAt === 'number' &&
        saved.expiresAt > now
      if (!valid) clear()
      return valid ? (saved as SavedCode) : null
    },
    write: (saved) => void attempt(() => storage?.setItem(SAVED_CODE_KEY, JSON.stringify(saved))),
    clear,
  }
}
