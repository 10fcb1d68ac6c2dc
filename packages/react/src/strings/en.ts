// English, whole: the base of a full set of overrides (`@otpkit/react/locales/en`). <PhoneLogin> itself
// takes it in two parts, the phone step's in the first paint and the rest with the later views.
import { enLater } from './enLater'
import { enPhoneStep } from './enPhoneStep'
import type { PhoneLoginStrings } from './types'

export const en: PhoneLoginStrings = { ...enPhoneStep, ...enLater }
