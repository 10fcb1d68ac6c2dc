// `@otpkit/react/locales/fr`: the built-in strings, for `<PhoneLogin locale="fr" strings={fr}>` to render
// in this language at first paint (and on the server) without loading them on demand.
export { fr } from '../strings/fr'
export type { PhoneLoginStrings } from '../strings/types'
