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
  const s = value as Partial<KeyValueStorage> | null | undefined
  return (
    typeof s?.getItem === 'function' && typeof s.setItem === 'function' && typeof s.removeItem === 'function'
  )
}

/** `window.localStorage` when a window exists and it can be used, otherwise memory. */
export function defaultStorage(): KeyValueStorage {
  try {
    const local = typeof window === 'undefined' ? undefined : window.localStorage
    if (isKeyValueStorage(local)) return local
  } catch {
    // Reading `localStorage` itself throws when storage is blocked.
  }
  return createMemoryStorage()
}

/** Wraps a storage so that a throwing read counts as empty and a throwing write is dropped. */
export function safeStorage(storage: KeyValueStorage): KeyValueStorage {
  // Quota exceeded or storage blocked: the session still lives in memory for this page.
  const attempt = <T>(run: () => T): T | null => {
    try {
      return run()
    } catch {
      return null
    }
  }
  return {
    getItem: (key) => attempt(() => storage.getItem(key)),
    setItem: (key, value) => void attempt(() => storage.setItem(key, value)),
    removeItem: (key) => void attempt(() => storage.removeItem(key)),
  }
}
