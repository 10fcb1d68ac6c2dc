// Stand-in for core/src/shapes.ts: no response shapes (goes with the unchecking schema stand-in).
import type { ObjectShape } from '../../../core/src/schema'

const none: ObjectShape = {}
export const SEND_RESPONSE = none
export const REVOKE_RESPONSE = none
export const USER = none
export const SESSION = none
export const SESSION_RESPONSE = none
export const AUTHENTICATE_RESPONSE = none
export const SNAPSHOT = none
