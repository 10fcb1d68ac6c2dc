// The strings of the steps after the phone step, for the views loaded after the first paint: English's
// later part (enLater.ts) under whatever the login already has (a loaded language, overrides).
import { enLater } from './enLater'
import type { FirstPaintStrings, PhoneLoginStrings } from './types'

export function completeStrings(strings: FirstPaintStrings): PhoneLoginStrings {
  return { ...enLater, ...strings }
}

/** Overrides that have every later step's key too, so no built-in language is needed under them. */
export function coversLaterSteps(overrides: Partial<PhoneLoginStrings>): boolean {
  return (Object.keys(enLater) as (keyof PhoneLoginStrings)[]).every((key) => overrides[key] !== undefined)
}
