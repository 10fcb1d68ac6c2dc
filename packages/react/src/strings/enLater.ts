// The English strings of everything after the phone step (the country list, the code step, the
// messages), loaded with the views that show them (laterViews.ts). enPhoneStep.ts has the rest.
import type { LaterStrings } from './types'

export const enLater: LaterStrings = {
  countrySearchLabel: 'Search countries',
  countrySearchPlaceholder: 'Name, code or +dial code',
  countryNoMatch: 'No matching country',

  codeTitle: 'Enter your code',
  codeSentTo: 'We sent a 6-digit code to {phone}.',
  codeLabel: '6-digit code',
  verifyCode: 'Verify',
  verifyingCode: 'Verifying…',
  resendCode: 'Resend code',
  resendingCode: 'Sending a new code…',
  resendCodeIn: 'Resend code in {seconds} s',
  codeResent: 'A new code is on its way to {phone}.',
  useDifferentNumber: 'Use a different number',
  noCode: 'Didn’t get a code?',
  signedIn: 'You are signed in.',

  errorPhoneRequired: 'Enter your phone number.',
  errorPhoneTooShort: 'This number is too short for {country}.',
  errorPhoneTooLong: 'This number is too long for {country}.',
  errorPhoneInvalid: 'This is not a valid phone number for {country}.',
  errorCountryNotAllowed: 'Numbers from {country} ({dialCode}) are not supported here.',
  errorRegionNotAllowed:
    '{country} shares {dialCode} with {mainCountry}, but numbers from {country} are not supported here.',
  errorCodeIncomplete: 'Enter all 6 digits of the code.',
  errorWrongCode: 'That code is not right. Check the text message and try again.',
  errorCodeExpired: 'This code has expired or was already used. Send a new code.',
  errorRateLimited: 'Too many attempts. Try again in {wait}.',
  errorLocked: 'Too many wrong codes. Sign-in for this number is paused for a while; try again later.',
  errorTimeout: 'The server took too long to answer. Try again.',
  errorGeneric: 'Something went wrong. Try again.',
  errorRequestId: 'Request ID: {requestId}',

  // The channels. SMS keeps its own phrasing above; any other channel fills in {channel}, its name.
  codeSentToChannel: 'We sent a 6-digit code to {phone} on {channel}.',
  switchChannel: 'Send by {channel} instead',
  errorWrongCodeChannel: 'That code is not right. Check the {channel} message and try again.',
  errorTooManyWrongCodes: 'Too many wrong codes were entered, so this code no longer works. Send a new code.',

  waitSecondsOne: '{count} second',
  waitSecondsOther: '{count} seconds',
  waitMinutesOne: '{count} minute',
  waitMinutesOther: '{count} minutes',
  codeExpiresIn: 'Code expires in {time}',
}
