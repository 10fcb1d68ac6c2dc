// The steps no one sees at first paint: the code step and the signed-in step. One chunk, loaded right
// after the first paint (useLaterSteps.ts), while the person types their number. Nothing here imports a
// first-paint module: what they share arrives as `kit` (loginKit.ts).
export { CodeEntry } from './CodeEntry'
export { DoneStep } from './DoneStep'
