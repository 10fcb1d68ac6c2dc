// The text of <PhoneLogin>. Placeholders in braces are filled in at render time: {seconds}, {phone},
// {country}, {requestId}, {channel}. Every message can be overridden through the `strings` prop.

export interface PhoneLoginStrings extends WaitForms {
  /** Heading of the phone step. */
  phoneTitle: string
  /** Line under the heading of the phone step. */
  phoneIntro: string
  phoneLabel: string
  /** Shown under the phone field. */
  phoneHint: string
  /** Accessible name of the country button, followed by the chosen country. */
  countryLabel: string
  countrySearchLabel: string
  countrySearchPlaceholder: string
  countryNoMatch: string
  sendCode: string
  sendingCode: string
  /** Send button while a 429 wait runs. */
  sendCodeIn: string

  codeTitle: string
  /** {phone} is the masked number. */
  codeSentTo: string
  codeLabel: string
  verifyCode: string
  verifyingCode: string
  resendCode: string
  resendingCode: string
  resendCodeIn: string
  codeResent: string
  useDifferentNumber: string
  /** Names the code step's other ways on: resend, the other channel, a different number. */
  noCode: string
  signedIn: string

  errorPhoneRequired: string
  errorPhoneTooShort: string
  errorPhoneTooLong: string
  errorPhoneInvalid: string
  /** {country} and its calling code {dialCode} ("+44"). */
  errorCountryNotAllowed: string
  /** A region sharing its calling code with an allowed main country ({mainCountry}) but not allowed itself. */
  errorRegionNotAllowed: string
  errorCodeIncomplete: string
  errorWrongCode: string
  errorCodeExpired: string
  /** A rate limit, said once when it starts: {wait} is a duration ("9 minutes"), {seconds} the raw count. */
  errorRateLimited: string
  /** Too many wrong codes: the server has locked sign-in for this number for a while. */
  errorLocked: string
  errorNetwork: string
  errorTimeout: string
  errorGeneric: string
  /** Appended to errorGeneric when the server gave a request id. */
  errorRequestId: string

  // The channels. SMS has its own phrasing (phoneIntro, codeSentTo, errorWrongCode); any other channel
  // uses these, where {channel} is its name from core's CHANNELS ("WhatsApp").
  /** Legend of the channel choice (shown when more than one channel is offered). */
  channelLabel: string
  /** phoneIntro for a channel other than SMS. */
  phoneIntroChannel: string
  /** codeSentTo for a channel other than SMS. */
  codeSentToChannel: string
  /** Code step: a new code by the other channel ("Send by WhatsApp instead", "Send by SMS instead"). */
  switchChannel: string
  /** errorWrongCode for a channel other than SMS. */
  errorWrongCodeChannel: string
  /** The code took as many wrong tries as a code allows and no longer works. */
  errorTooManyWrongCodes: string

  // Waits and lifetimes. A duration takes the plural form Intl.PluralRules(lang) chooses for its count:
  // `One` for `one`, `Other` for every other form unless the language names it (the optional forms below).
  /** Announced once when a wait is over. */
  waitOver: string
  waitSecondsOne: string
  waitSecondsOther: string
  waitMinutesOne: string
  waitMinutesOther: string
  /** Code step, shown (not announced) while the code lives; {time} is m:ss. */
  codeExpiresIn: string
}

/**
 * A wait's plural forms beyond `one` and `other`, each named after the form Intl.PluralRules returns, for
 * the languages whose rules have them: Arabic has all four; French, Italian, Spanish and Portuguese say
 * "1 000 000 de" with `many`. A form left out is said with `Other`.
 */
export interface WaitForms {
  waitSecondsZero?: string
  waitSecondsTwo?: string
  waitSecondsFew?: string
  waitSecondsMany?: string
  waitMinutesZero?: string
  waitMinutesTwo?: string
  waitMinutesFew?: string
  waitMinutesMany?: string
}

/** The keys every set of strings has. */
export type RequiredStringKey = Exclude<keyof PhoneLoginStrings, keyof WaitForms>

/** What the phone step shows before anything is sent: the only strings <PhoneLogin> needs at first paint. */
export type PhoneStepStringKey =
  | 'phoneTitle'
  | 'phoneIntro'
  | 'phoneIntroChannel'
  | 'phoneLabel'
  | 'phoneHint'
  | 'countryLabel'
  | 'channelLabel'
  | 'sendCode'
  | 'sendingCode'
  | 'sendCodeIn'
  | 'waitOver'
  | 'errorNetwork'

export type PhoneStepStrings = Pick<PhoneLoginStrings, PhoneStepStringKey>

/** The strings of every step after the phone step, which come with the views that show them. */
export type LaterStrings = Omit<PhoneLoginStrings, PhoneStepStringKey>

/** What the first paint has: the phone step's strings, and any others already at hand. */
export type FirstPaintStrings = PhoneStepStrings & Partial<PhoneLoginStrings>

/** The languages built in. Any other `locale` falls back to the closest of these, then English. */
export type BuiltInLanguage = 'en' | 'es' | 'fr' | 'pt-br' | 'de' | 'it' | 'ja' | 'ar'
