// Reads a phone number as typed, the way libphonenumber-js's AsYouType reads the whole text at once, and
// formats it the same way, from the metadata's formats. AsYouType itself (its parser, state, template
// formatter and leading-digits matcher) was about half of the phone chunk; this keeps only the path that a
// whole text takes through it, and leaves the number and its validity to the library's PhoneNumber.
// Each step names the AsYouType method it mirrors, so that a difference can be traced back to it;
// formatAsYouType.test.ts holds the two together over the full metadata. The regular expressions are
// built once per pattern and cached, so a keystroke builds none it has seen before.
import { getCountryCallingCode, Metadata, PhoneNumber } from 'libphonenumber-js/core'
import type { CountryCode, MetadataJson } from 'libphonenumber-js/core'

/** The parts of the library's metadata classes used here (its declarations name only the constructor). */
interface Format {
  pattern(): string
  format(): string
  internationalFormat(): string
  leadingDigitsPatterns(): string[]
  nationalPrefixFormattingRule(): string | undefined
  nationalPrefixIsOptionalWhenFormattingInNationalFormat(): boolean
  nationalPrefixIsMandatoryWhenFormattingInNationalFormat(): boolean
  usesNationalPrefix(): boolean
}

interface NumberingPlan {
  callingCode(): string
  IDDPrefix(): string
  nationalNumberPattern(): string
  possibleLengths(): number[] | undefined
  formats(): Format[]
  nationalPrefix(): string | undefined
  nationalPrefixForParsing(): string | undefined
  nationalPrefixTransformRule(): string | undefined
  leadingDigits(): string | undefined
}

interface Plans {
  numberingPlan?: NumberingPlan
  selectNumberingPlan(countryOrCallingCode?: string): void
  hasCallingCode(callingCode: string): boolean
  getCountryCodesForCallingCode(callingCode: string): string[] | undefined
}

/** PhoneNumber's constructor from a region (or calling code) and a national number, as AsYouType calls it. */
const PhoneNumberOf = PhoneNumber as unknown as new (
  countryOrCallingCode: string,
  nationalNumber: string,
  metadata: MetadataJson,
) => PhoneNumber

export type LengthProblem = 'NOT_A_NUMBER' | 'TOO_SHORT' | 'TOO_LONG' | 'INVALID_LENGTH' | 'INVALID_COUNTRY'

/** A text as AsYouType reads it. */
export interface AsTyped {
  /** The text formatted as typed (AsYouType#input). */
  text: string
  /** The calling code of an international number, once it is complete (AsYouType#getCallingCode). */
  callingCode?: string
  /** AsYouType#getCountry. */
  country?: string
  /** AsYouType#getNumber. */
  number?: PhoneNumber
  /** AsYouType#validateLength: nothing when the length is possible. */
  length?: LengthProblem
}

/** What AsYouType's parser, state and formatter hold while they read one text. */
interface State {
  international: boolean
  missingPlus: boolean
  iddPrefix?: string
  callingCode?: string
  country?: string
  digits: string
  nationalNumber: string
  nationalPrefix?: string
  carrierCode?: string
  /** A prefix before the national number that is not the national prefix (AU's 1831, say). */
  otherPrefix?: string
  /** The national number is not the typed digits' tail (AR adds a 9). */
  modified: boolean
  /** A national prefix has been looked for and found. */
  extracted: boolean
  /** The formats that the leading digits still allow. */
  formats: Format[]
  nanp: boolean
}

const regexps = new Map<string, RegExp>()
function regexp(source: string): RegExp {
  let cached = regexps.get(source)
  if (!cached) regexps.set(source, (cached = new RegExp(source)))
  return cached
}

const digitsOf = (text: string) => text.replace(/\D/g, '')
const matchesEntirely = (text: string, pattern: string) => regexp(`^(?:${pattern})$`).test(text)
/** The separators that formats use, each run of them one space in international format. */
const internationalStyle = (text: string) => text.replace(/[-\u2010-\u2015\u2212/. ()[\]~]+/g, ' ').trim()
/**
 * A format that ends in its groups and separators alone, as AsYouType requires of a format it types into
 * (it cannot add digits while typing). Unanchored at the start like AsYouType's, so "*$1 $2" passes too.
 */
const GROUPING_ONLY =
  /[-\u2010-\u2015\u2212/. ()[\]~]*\$1[-\u2010-\u2015\u2212/. ()[\]~]*(\$\d[-\u2010-\u2015\u2212/. ()[\]~]*)*$/
const FIRST_GROUP = /(\$\d)/
/** Enough nines to fill the longest format: a template is a format applied to them. */
const NINES = '999999999999999'

function planOf(metadata: MetadataJson, country: string): NumberingPlan | undefined {
  const plans = new Metadata(metadata) as unknown as Plans
  plans.selectNumberingPlan(country)
  return plans.numberingPlan
}

/** checkNumberLength: whether a national number has one of the plan's possible lengths. */
function lengthOf(nationalNumber: string, plan: NumberingPlan): 'IS_POSSIBLE' | LengthProblem {
  const lengths = plan.possibleLengths()
  if (!lengths) return 'IS_POSSIBLE'
  const length = nationalNumber.length
  const shortest = lengths[0] ?? 0
  if (shortest === length) return 'IS_POSSIBLE'
  if (shortest > length) return 'TOO_SHORT'
  if ((lengths[lengths.length - 1] ?? 0) < length) return 'TOO_LONG'
  return lengths.indexOf(length, 1) >= 0 ? 'IS_POSSIBLE' : 'INVALID_LENGTH'
}

/** extractNationalNumberFromPossiblyIncompleteNumber: strips the national prefix (and carrier code). */
function extractNationalPrefix(digits: string, plan: NumberingPlan) {
  const forParsing = plan.nationalPrefixForParsing()
  const match = digits && forParsing ? regexp(`^(?:${forParsing})`).exec(digits) : null
  if (!match) return { nationalNumber: digits }
  const groups = match.length - 1
  const captured = groups > 0 && match[groups]
  const transform = plan.nationalPrefixTransformRule()
  let nationalNumber: string
  let carrierCode: string | undefined
  if (transform && captured) {
    nationalNumber = digits.replace(regexp(`^(?:${forParsing})`), transform)
    if (groups > 1) carrierCode = match[1]
  } else {
    nationalNumber = digits.slice(match[0].length)
    if (captured) carrierCode = match[1]
  }
  let nationalPrefix: string | undefined
  if (captured) {
    if (digits.slice(0, digits.indexOf(match[1] ?? '')) === plan.nationalPrefix())
      nationalPrefix = plan.nationalPrefix()
  } else {
    nationalPrefix = match[0]
  }
  return { nationalNumber, nationalPrefix, carrierCode }
}

/** Leading-digits patterns as trees: alternatives of sequences of digit sets or groups. */
type Alternatives = Sequence[]
type Sequence = (string | Alternatives)[]

function parseLeadingDigits(pattern: string): Alternatives {
  let at = 0
  const alternatives = (): Alternatives => {
    const sequences: Sequence[] = [[]]
    while (at < pattern.length && pattern[at] !== ')') {
      if (pattern[at] === '|') {
        at += 1
        sequences.push([])
      } else sequences[sequences.length - 1]?.push(item())
    }
    return sequences
  }
  const item = (): string | Alternatives => {
    if (pattern.startsWith('(?:', at)) {
      at += 3
      const group = alternatives()
      at += 1
      return group
    }
    if (pattern[at] === '[') {
      const end = pattern.indexOf(']', at)
      const set = pattern.slice(at + 1, end).replace(/(.)-(.)/g, (_, from: string, to: string) => {
        let range = ''
        for (let code = from.charCodeAt(0); code <= to.charCodeAt(0); code += 1)
          range += String.fromCharCode(code)
        return range
      })
      at = end + 1
      return set
    }
    // Anything else stands for itself, as in AsYouType's pattern matcher (so "\d" never matches a digit).
    return pattern[at++] ?? ''
  }
  return alternatives()
}

/** Every word of the pattern cut to `length` characters (the shorter words whole). */
function heads(alternatives: Alternatives, length: number): Set<string> {
  const result = new Set<string>()
  for (const sequence of alternatives) {
    let sofar = new Set([''])
    for (const part of sequence) {
      const next = new Set<string>()
      for (const head of sofar) {
        if (head.length >= length) next.add(head)
        else if (typeof part === 'string') for (const digit of part) next.add(head + digit)
        else for (const tail of heads(part, length - head.length)) next.add(head + tail)
      }
      sofar = next
    }
    for (const head of sofar) result.add(head)
  }
  return result
}

const couldStart = new Map<string, boolean>()
/**
 * AsYouType's leading-digits matcher for fewer than three digits: the pattern fits if the digits start
 * one of its words or one of its words starts them.
 */
function couldStartWith(pattern: string, digits: string): boolean {
  const key = `${digits}:${pattern}`
  let fits = couldStart.get(key)
  if (fits === undefined) {
    fits = [...heads(parseLeadingDigits(pattern), digits.length)].some((head) => digits.startsWith(head))
    couldStart.set(key, fits)
  }
  return fits
}

/**
 * Reads `text` (digits, after a "+" for an international number) as `new AsYouType(country, metadata)`
 * reads it in one `input(text)` call.
 */
export function formatAsYouType(
  text: string,
  defaultCountry: string | undefined,
  metadata: MetadataJson,
): AsTyped {
  const plans = new Metadata(metadata) as unknown as Plans
  const home = defaultCountry && defaultCountry in metadata.countries ? defaultCountry : undefined
  const plan = () => plans.numberingPlan
  const digits = digitsOf(text)
  const state: State = {
    international: false,
    missingPlus: false,
    digits: '',
    nationalNumber: '',
    modified: false,
    extracted: false,
    formats: [],
    nanp: false,
  }

  const nationalDigits = () =>
    state.international
      ? state.digits.slice((state.iddPrefix?.length ?? 0) + (state.callingCode?.length ?? 0))
      : state.digits
  const withoutIdd = () =>
    state.international && state.iddPrefix ? state.digits.slice(state.iddPrefix.length) : state.digits

  // getCountryByNationalNumber: the first region whose leading digits or number types fit.
  const countryByNationalNumber = (nationalNumber: string, countries: string[]) =>
    countries.find((country) => {
      const leading = planOf(metadata, country)?.leadingDigits()
      if (leading) return nationalNumber !== '' && nationalNumber.search(regexp(leading)) === 0
      return (
        nationalNumber !== '' && new PhoneNumberOf(country, nationalNumber, metadata).getType() !== undefined
      )
    })
  const countryByCallingCode = (callingCode: string | undefined, nationalNumber: string) => {
    const countries = callingCode ? plans.getCountryCodesForCallingCode(callingCode) : undefined
    if (!countries) return undefined
    return countries.length === 1 ? countries[0] : countryByNationalNumber(nationalNumber, countries)
  }

  // AsYouTypeFormatter#narrowDownMatchingFormats.
  const suits = (format: Format) =>
    !(
      state.nationalPrefix &&
      !format.usesNationalPrefix() &&
      !format.nationalPrefixIsOptionalWhenFormattingInNationalFormat()
    ) &&
    !(
      !state.international &&
      !state.nationalPrefix &&
      format.nationalPrefixIsMandatoryWhenFormattingInNationalFormat()
    )
  const leads = (format: Format, leading: string, index: number) => {
    const patterns = format.leadingDigitsPatterns()
    if (patterns.length === 0) return true
    const pattern = patterns[Math.min(index, patterns.length - 1)] ?? ''
    return leading.length < 3 ? couldStartWith(pattern, leading) : regexp(`^(${pattern})`).test(leading)
  }
  const narrow = () => {
    const index = Math.max(0, state.nationalNumber.length - 3)
    state.formats = state.formats.filter(
      (format) => suits(format) && leads(format, state.nationalNumber, index),
    )
  }
  // AsYouTypeFormatter#reset, on a new numbering plan or national number.
  const resetFormats = () => {
    const current = plan()
    state.nanp = current?.callingCode() === '1'
    state.formats = current ? current.formats() : []
    if (state.nationalNumber) narrow()
  }

  // AsYouType#determineTheCountryIfNeeded.
  const determineCountry = () => {
    const shared = state.callingCode
      ? (plans.getCountryCodesForCallingCode(state.callingCode)?.length ?? 0)
      : 0
    if (state.country && shared <= 1) return
    const country = countryByCallingCode(
      state.international ? state.callingCode : undefined,
      state.nationalNumber,
    )
    if (country !== state.country) {
      state.country = country
      if (country) plans.selectNumberingPlan(country)
    }
  }

  const setCallingCode = (callingCode: string | undefined) => {
    state.callingCode = callingCode
    plans.selectNumberingPlan(state.country || callingCode)
    resetFormats()
  }
  const onNationalNumberChange = () => {
    determineCountry()
    resetFormats()
  }
  // AsYouTypeParser#startInternationalNumber.
  const startInternational = (country: string | undefined, callingCode: string | undefined) => {
    state.international = true
    state.country = country
    setCallingCode(callingCode)
    if (state.nationalNumber) {
      state.nationalNumber = nationalDigits()
      state.modified = false
      state.nationalPrefix = state.carrierCode = state.otherPrefix = undefined
      onNationalNumberChange()
      state.extracted = false
    }
  }

  // AsYouTypeParser#extractNationalSignificantNumber.
  const extractNationalNumber = () => {
    const current = plan()
    const national = nationalDigits()
    if (!current) return false
    const { nationalNumber, nationalPrefix, carrierCode } = extractNationalPrefix(national, current)
    if (nationalNumber === national) return false
    const index = national.lastIndexOf(nationalNumber)
    state.modified = index < 0 || index !== national.length - nationalNumber.length
    const before = state.modified ? '' : national.slice(0, index)
    state.otherPrefix = before && before !== nationalPrefix ? before : undefined
    state.nationalPrefix = nationalPrefix
    state.carrierCode = carrierCode
    state.nationalNumber = nationalNumber
    state.extracted = true
    onNationalNumberChange()
    return true
  }

  // AsYouTypeParser#extractCountryCallingCode: the first one to three digits that are a calling code.
  const extractCallingCode = () => {
    const rest = withoutIdd()
    if (rest.startsWith('0')) return false
    for (let length = 1; length <= 3 && length <= rest.length; length += 1) {
      const callingCode = rest.slice(0, length)
      if (plans.hasCallingCode(callingCode)) {
        setCallingCode(callingCode)
        state.nationalNumber = rest.slice(length)
        return true
      }
    }
    return false
  }

  // AsYouTypeParser#extractIddPrefix: "00 44 …" dialled from a country whose international prefix is 00.
  const extractIddPrefix = () => {
    if (state.international || state.iddPrefix || !home) return false
    const pattern = regexp(planOf(metadata, home)?.IDDPrefix() ?? '')
    if (state.digits.search(pattern) !== 0) return false
    const rest = state.digits.slice(pattern.exec(state.digits)?.[0].length ?? 0)
    if (rest.startsWith('0') || rest === state.digits) return false
    state.iddPrefix = state.digits.slice(0, state.digits.length - rest.length)
    startInternational(undefined, undefined)
    return true
  }

  // extractNationalNumber (the parser's, which keeps the prefix when stripping it makes no sense).
  const parsedNationalNumber = (number: string, current: NumberingPlan) => {
    const { nationalNumber } = extractNationalPrefix(number, current)
    if (nationalNumber === number) return number
    const pattern = current.nationalNumberPattern()
    if (matchesEntirely(number, pattern) && !matchesEntirely(nationalNumber, pattern)) return number
    if (current.possibleLengths()) {
      const country = countryByCallingCode(current.callingCode(), nationalNumber)
      const checked = country ? planOf(metadata, country) : current
      const length = checked ? lengthOf(nationalNumber, checked) : 'IS_POSSIBLE'
      if (length === 'TOO_SHORT' || length === 'INVALID_LENGTH') return number
    }
    return nationalNumber
  }

  // AsYouTypeParser#fixMissingPlus: "44 7400 …" typed with GB chosen is read as +44.
  const fixMissingPlus = () => {
    const country = state.country || home
    if (state.international || !country) return false
    const callingCode = getCountryCallingCode(country as CountryCode, metadata)
    if (!state.digits.startsWith(callingCode)) return false
    const current = planOf(metadata, country)
    if (!current) return false
    const shorter = parsedNationalNumber(state.digits.slice(callingCode.length), current)
    const whole = parsedNationalNumber(state.digits, current)
    const pattern = current.nationalNumberPattern()
    if (
      !(!matchesEntirely(whole, pattern) && matchesEntirely(shorter, pattern)) &&
      lengthOf(whole, current) !== 'TOO_LONG'
    ) {
      return false
    }
    state.missingPlus = true
    startInternational(state.country, callingCode)
    return true
  }

  // AsYouTypeParser#reExtractNationalSignificantNumber, when the digits fit no format.
  const reExtract = () => {
    if (!state.extracted && extractNationalNumber()) return true
    if (extractIddPrefix() || fixMissingPlus()) {
      if (extractCallingCode()) extractNationalNumber()
      return true
    }
    return false
  }

  const separatorAfterNationalPrefix = (format: Format) => {
    const rule = format.nationalPrefixFormattingRule()
    return state.nanp || (rule && /[- ]/.test(rule)) ? ' ' : ''
  }
  const triesNationalPrefixRule = (format: Format) => {
    if (!format.nationalPrefixFormattingRule()) return false
    const uses = format.usesNationalPrefix()
    return (uses && !!state.nationalPrefix) || (!uses && !state.international)
  }
  const formatOf = (format: Format) => (state.international ? format.internationalFormat() : format.format())

  // AsYouTypeFormatter.complete: a number of possible length that fits a format's whole pattern.
  const formatWhole = (format: Format, withPrefixRule: boolean) => {
    const rule = format.nationalPrefixFormattingRule()
    let result = state.nationalNumber.replace(
      regexp(format.pattern()),
      state.international
        ? format.internationalFormat()
        : withPrefixRule && rule
          ? format.format().replace(FIRST_GROUP, rule)
          : format.format(),
    )
    if (state.international) result = internationalStyle(result)
    if (!withPrefixRule) {
      if (state.nationalPrefix) result = state.nationalPrefix + separatorAfterNationalPrefix(format) + result
      else if (state.otherPrefix) result = `${state.otherPrefix} ${result}`
    }
    return digitsOf(result) === nationalDigits() ? result : undefined
  }

  // AsYouTypeFormatter#getTemplateForFormat: the format applied to nines, each nine a place for a digit.
  const templateOf = (format: Format) => {
    const pattern = format.pattern()
    if (pattern.includes('|')) return undefined
    let nines = NINES.match(regexp(pattern))?.[0] ?? ''
    if (state.nationalNumber.length > nines.length) return undefined
    const typed = state.nationalNumber.replace(/\d/g, '9')
    if (regexp(`^${pattern}$`).test(typed)) nines = typed
    let layout = formatOf(format)
    let prefixIncluded = false
    const rule = format.nationalPrefixFormattingRule()
    if (rule && triesNationalPrefixRule(format) && digitsOf(rule) === `${state.nationalPrefix ?? ''}1`) {
      layout = layout.replace(FIRST_GROUP, rule)
      prefixIncluded = true
      for (let index = 0; index < (state.nationalPrefix?.length ?? 0); index += 1)
        layout = layout.replace(/\d/, 'x')
    }
    let template = nines.replace(regexp(pattern), layout).replace(/9/g, 'x')
    if (!prefixIncluded) {
      if (state.otherPrefix) template = `${'x'.repeat(state.otherPrefix.length)} ${template}`
      else if (state.nationalPrefix) {
        template = 'x'.repeat(state.nationalPrefix.length) + separatorAfterNationalPrefix(format) + template
      }
    }
    return state.international ? internationalStyle(template) : template
  }

  // AsYouTypeFormatter#format.
  const format = (): string | undefined => {
    const current = plan()
    if (current && lengthOf(state.nationalNumber, current) === 'IS_POSSIBLE') {
      for (const candidate of state.formats) {
        if (!matchesEntirely(state.nationalNumber, candidate.pattern())) continue
        const whole =
          (triesNationalPrefixRule(candidate) && formatWhole(candidate, true)) ||
          formatWhole(candidate, false)
        if (whole) return whole
      }
    }
    // The first grouping-only format with a template takes the digits; the others wait.
    let template: string | undefined
    for (const candidate of state.formats.slice()) {
      if (!GROUPING_ONLY.test(formatOf(candidate))) continue
      template = templateOf(candidate)
      if (template) break
      state.formats = state.formats.filter((other) => other !== candidate)
    }
    if (!template) return undefined
    const national = nationalDigits()
    if (national.length > (template.match(/x/g)?.length ?? 0)) return undefined
    let filled = template
    let last = -1
    for (const digit of national) {
      last = filled.indexOf('x')
      filled = filled.replace('x', digit)
    }
    // Cut after the last digit (and its closing bracket), dropping brackets left open.
    const cut = filled.slice(0, filled[last + 1] === ')' ? last + 2 : last + 1)
    const open: number[] = []
    for (let index = 0; index < cut.length; index += 1) {
      if (cut[index] === '(') open.push(index)
      else if (cut[index] === ')') open.pop()
    }
    return [...cut].filter((_, index) => !open.includes(index)).join('')
  }

  // AsYouType#getFullNumber: the calling code (and the international prefix) before the national part.
  const full = (national: string) => {
    if (!state.international) return national
    const number = !state.callingCode
      ? withoutIdd()
      : national
        ? `${state.callingCode} ${national}`
        : state.callingCode
    const prefix = state.iddPrefix
      ? number
        ? `${state.iddPrefix} `
        : state.iddPrefix
      : state.missingPlus
        ? ''
        : '+'
    return prefix + number
  }

  // AsYouTypeParser#input and AsYouType#input.
  plans.selectNumberingPlan(home)
  state.country = home
  resetFormats()
  let output = ''
  if (text.startsWith('+')) {
    state.international = true
    state.country = undefined
    setCallingCode(undefined)
    if (!digits) output = '+'
  }
  if (digits) {
    state.digits = digits
    if (digits.length >= 3) extractIddPrefix()
    if (state.international && !state.callingCode) {
      extractCallingCode()
    } else {
      state.nationalNumber += digits
      if (!state.international && !state.extracted) extractNationalNumber()
    }
    determineCountry()
    if (state.nationalNumber) narrow()
    let formatted = plan() ? format() : undefined
    if (formatted === undefined && reExtract()) {
      determineCountry()
      if (nationalDigits()) formatted = format()
    }
    output = full(
      formatted ||
        (state.modified
          ? nationalDigits()
          : (state.otherPrefix || state.nationalPrefix || '') + state.nationalNumber),
    )
  }

  return {
    text: output,
    callingCode: state.international ? state.callingCode : undefined,
    country: state.digits ? state.country : undefined,
    number: numberOf(),
    length: lengthProblem(),
  }

  // AsYouType#getNumber.
  function numberOf(): PhoneNumber | undefined {
    if (!state.nationalNumber) return undefined
    let country = state.country
    if (!country && !state.callingCode) return undefined
    const current = plan()
    if (country && country === home && current) {
      const shared = plans.getCountryCodesForCallingCode(current.callingCode())
      if (shared && shared.length > 1)
        country = countryByNationalNumber(state.nationalNumber, shared) ?? country
    }
    const number = new PhoneNumberOf(country || state.callingCode || '', state.nationalNumber, metadata)
    if (state.carrierCode) number.carrierCode = state.carrierCode
    return number
  }

  // AsYouType#validateLength.
  function lengthProblem(): LengthProblem | undefined {
    const current = plan()
    if (!state.digits) return 'NOT_A_NUMBER'
    if (!current) return 'INVALID_COUNTRY'
    if (!state.nationalNumber) return 'TOO_SHORT'
    const length = lengthOf(state.nationalNumber, current)
    return length === 'IS_POSSIBLE' ? undefined : length
  }
}
