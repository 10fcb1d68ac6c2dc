// The parts of <PhoneLogin> that no one sees at first paint: the code step, the signed-in step and the
// country list. One chunk, loaded right after the first paint
// (useLaterViews.ts) while the person types their number. Nothing here imports a first-paint module:
// what they share arrives as `kit` (loginKit.ts) or as props. Error messages stay in the first paint:
// a network that fails to bring this chunk must still be named.
export { CodeEntry } from './CodeEntry'
export { CountryList } from './CountryList'
export { DoneStep } from './DoneStep'
