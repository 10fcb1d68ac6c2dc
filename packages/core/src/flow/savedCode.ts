// The code step, kept for this tab across reloads and back/forward: what the code step needs to show
// and to check a code, never the full number. Storage may be missing or throw (core's safeStorage);
// then nothing is kept.
import { CHANNELS } from '../channels'
import { check } from '../schema'
import { safeStorage } from '../storage'
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
  const safe = storage && safeStorage(storage)
  const clear = () => safe?.removeItem(SAVED_CODE_KEY)
  return {
    read(now) {
      const text = safe?.getItem(SAVED_CODE_KEY)
      if (!text) return null
      try {
        const saved = check<SavedCode>(JSON.parse(text), {
          method_id: 'string',
          channel: 'string',
          masked: 'string',
        })
        if (
          Object.hasOwn(CHANNELS, saved.channel) &&
          typeof saved.expiresAt === 'number' &&
          saved.expiresAt > now
        )
          return saved
      } catch {
        // Not ours, or damaged: the same as nothing kept.
      }
      clear()
      return null
    },
    write: (saved) => safe?.setItem(SAVED_CODE_KEY, JSON.stringify(saved)),
    clear,
  }
}
