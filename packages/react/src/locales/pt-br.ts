// `@otpkit/react/locales/pt-br`: the built-in strings, for `<PhoneLogin locale="pt-br" strings={ptBR}>` to
// render in this language at first paint (and on the server) without loading them on demand.
export { ptBR } from '../strings/ptBR'
export type { PhoneLoginStrings } from '../strings/types'
