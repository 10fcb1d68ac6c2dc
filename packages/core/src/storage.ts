// Where the session snapshot lives. Storage may be missing (SSR), may throw on access (Safari private
// mode, sandboxed iframes, blocked cookies) or may be full; none of that may break a login.
import type { KeyValueStorage } from './types'

/** A storage kept in memory for this page's life: for SSR, tests, and apps that want no persistence. */
export function createMemoryStorage(): KeyValueStorage {
  const items = new Map<string, string>()
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, String(value)),
    removeItem: (key) => void items.delete(key),
  }
}

export function isKeyValueStorage(value: unknown): value is KeyValueStorage {
  const s = value as Partial<KeyValueStorage> | null
  return (
    typeof s === 'object' &&
    s !== null &&
    typeof s.getItem === 'function' &&
    typeof s.setItem === 'function' &&
    typeof s.removeItem === 'function'
  )
}

/** `window.localStorage` when a window exists and it can be used, otherwise memory. */
export function defaultStorage(): KeyValueStorage {
  if (typeof window === 'undefined') return createMemoryStorage()
  try {
    const local = window.localStorage
    if (isKeyValueStorage(local)) return local
  } catch {
    // Reading `localStorage` itself throws when storage is blocked.
  }
  return createMemoryStorage()
}

/** Wraps a storage so a throwing read counts as empty and a throwing write is dropped. */
export function safeStorage(storage: KeyValueStorage): KeyValueStorage {
  return {
    getItem(key) {
      try {
        return storage.getItem(key)
      } catch {
        return null
      }
    },
    setItem(key, value) {
      try {
        storage.setItem(key, value)
      } catch {
        // Quota exceeded or storage blocked: the session still lives in memory for this page.
      }
    },
    removeItem(key) {
      try {
        storage.removeItem(key)
      } catch {
        // As above.
      }
    },
  }
}
