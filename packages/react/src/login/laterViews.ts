// Everything of <PhoneLogin> after its phone step: the login flow, the code step, the signed-in step,
// the country list, the words of errors and of the later steps, and the work done when the page is idle.
// The first paint is the phone step alone, which shows and takes typing without any of this; this chunk
// loads right after it (useLaterViews.ts) while the person types, and Send waits for it. Nothing here
// imports a first-paint module: what they share arrives as `kit` (loginKit.ts) or as arguments. Only the
// words for a failed load stay in the first paint, since they are needed when this chunk does not arrive.

// The login flow: nothing of it is needed before a code is sent. @otpkit/core builds its module apart,
// importing nothing of the client's, so that no bundler makes a chunk shared with the first paint.
export { createLoginFlow } from '@otpkit/core/flow'
export { CodeEntry } from './CodeEntry'
export { CountryList } from './CountryList'
export { DoneStep } from './DoneStep'
// Errors come after a Send, so do their words, and the strings of the later steps.
export { describeFlowError, errorText } from './describeError'
// The language of the message, which only a Send needs.
export { smsLocale } from './smsLocale'
export { completeStrings, coversLaterSteps } from '../strings/completeStrings'
// Work done when the page is idle after the first paint.
export { countryNamer } from '../phone/countryNamer'
export { drawsFlagEmoji } from '../phone/drawsFlagEmoji'
