// Stand-in for core/src/schema.ts: responses are taken as they come, unchecked.
export type { ObjectShape, Shape } from '../../../core/src/schema'
export { isObject } from '../../../core/src/schema'

export const check = <T>(value: unknown): T => value as T
