'use client'

import { useEffect, useId, useRef } from 'react'
import type { ChangeEvent } from 'react'
import type { LoginChannel } from '@otpkit/core/flow'
import type { PhoneTools } from '../phone/loadPhoneTools'
import { fill } from '../strings/resolveStrings'
import type { FirstPaintStrings } from '../strings/types'
import { ChannelChoice } from './ChannelChoice'
import { CountryPicker } from './CountryPicker'
import { StatusMessage } from './StatusMessage'
import type { LaterViews } from './useLaterViews'

export interface PhoneStepProps {
  strings: FirstPaintStrings
  /** The line under the heading; it names the chosen channel. */
  intro: string
  /** Channels offered; a choice is shown when there is more than one. */
  channels: readonly LoginChannel[]
  channel: LoginChannel
  onChannelChange: (channel: LoginChannel) => void
  country: string
  allowed: readonly string[]
  /** A country's name in the UI language. */
  countryName: (code: string) => string
  /** The names are made; until then the picker's label says the ISO code. */
  namesReady: boolean
  /** BCP 47 tag of the language shown. */
  lang: string
  /** The views loaded after the first paint (the country list), once here. */
  views: LaterViews | undefined
  value: string
  /** The new text, and the country when a pasted international number named another allowed one. */
  onValueChange: (text: string, country?: string) => void
  onCountryChange: (country: string) => void
  onSubmit: () => void
  tools: PhoneTools | undefined
  sending: boolean
  /** Seconds left of this number's wait (a 429 or the cool-down after a code was sent to it). */
  waitSeconds: number
  error?: string
  status?: string
  /** Changes when the phone field should take focus again (after an error). */
  focusKey: number
}

const digitCount = (text: string) => text.replace(/\D/g, '').length

/** Where the caret goes after the n-th digit of `text`: past that digit and any separators after it. */
function afterDigits(text: string, n: number): number {
  let seen = 0
  let i = 0
  for (; i < text.length && seen < n; i++) if (/\d/.test(text[i] ?? '')) seen++
  while (i < text.length && !/\d/.test(text[i] ?? '')) i++
  return i
}

/** Index of the n-th digit of `text` (1-based), or -1. */
function digitIndex(text: string, n: number): number {
  let seen = 0
  for (let i = 0; i < text.length; i++) if (/\d/.test(text[i] ?? '') && ++seen === n) return i
  return -1
}

export function PhoneStep(props: PhoneStepProps) {
  const { strings, country, value, tools, sending, waitSeconds, error, focusKey } = props
  const id = useId()
  const inputId = `${id}-phone`
  const titleId = `${id}-title`
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const input = useRef<HTMLInputElement>(null)
  const caret = useRef<number | null>(null)

  useEffect(() => {
    if (focusKey > 0) input.current?.focus()
  }, [focusKey])

  // Puts the caret back after the formatter rewrote the text. React runs effects of a typing update
  // before the browser paints, so this needs no layout effect (which React 18 warns about on servers).
  useEffect(() => {
    const field = input.current
    if (caret.current === null || !field || document.activeElement !== field) return
    field.setSelectionRange(caret.current, caret.current)
    caret.current = null
  })

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    let text = event.target.value
    let digitsBefore = digitCount(text.slice(0, event.target.selectionStart ?? text.length))
    // Backspace over a "(" or "-" would see it put straight back by the formatter: delete the digit before it.
    const inputType = (event.nativeEvent as InputEvent).inputType
    if (
      inputType === 'deleteContentBackward' &&
      text.length < value.length &&
      digitCount(text) === digitCount(value)
    ) {
      const at = digitIndex(text, digitsBefore)
      if (at >= 0) {
        text = text.slice(0, at) + text.slice(at + 1)
        digitsBefore -= 1
      }
    }
    if (!tools) return props.onValueChange(text)
    const formatted = tools.formatInput(text, country, props.allowed)
    caret.current = formatted.country ? formatted.text.length : afterDigits(formatted.text, digitsBefore)
    props.onValueChange(formatted.text, formatted.country)
  }

  const busy = sending || waitSeconds > 0
  return (
    <form
      className="otpkit-step otpkit-step-phone"
      aria-labelledby={titleId}
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        props.onSubmit()
      }}
    >
      <h2 id={titleId} className="otpkit-title">
        {strings.phoneTitle}
      </h2>
      <p className="otpkit-intro">{props.intro}</p>
      <label htmlFor={inputId} className="otpkit-label">
        {strings.phoneLabel}
      </label>
      <div className="otpkit-phone" data-invalid={error ? true : undefined}>
        <CountryPicker
          value={country}
          allowed={props.allowed}
          name={props.countryName}
          namesReady={props.namesReady}
          lang={props.lang}
          views={props.views}
          onChange={props.onCountryChange}
          strings={strings}
          disabled={sending}
        />
        <input
          ref={input}
          id={inputId}
          className="otpkit-input otpkit-phone-input"
          type="tel"
          name="phone"
          autoComplete="tel"
          inputMode="tel"
          value={value}
          onChange={onChange}
          readOnly={sending}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${errorId} ${hintId}` : hintId}
        />
      </div>
      <p id={hintId} className="otpkit-hint">
        {strings.phoneHint}
      </p>
      {props.channels.length > 1 && (
        <ChannelChoice
          strings={strings}
          channels={props.channels}
          value={props.channel}
          onChange={props.onChannelChange}
          disabled={sending}
        />
      )}
      <StatusMessage errorId={errorId} error={error} status={props.status} />
      <button type="submit" className="otpkit-button" disabled={busy} aria-busy={sending || undefined}>
        {sending
          ? strings.sendingCode
          : waitSeconds > 0
            ? fill(strings.sendCodeIn, { seconds: waitSeconds })
            : strings.sendCode}
      </button>
    </form>
  )
}
