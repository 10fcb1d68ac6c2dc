import { randomUUID } from 'node:crypto'

export type IdKind = 'user' | 'phone-number' | 'session' | 'request-id'

/** Ids in the vendor's test-environment shape, e.g. `user-test-<uuid>`. */
export function newId(kind: IdKind): string {
  return `${kind}-test-${randomUUID()}`
}

export function isoTime(ms: number): string {
  return new Date(ms).toISOString()
}
