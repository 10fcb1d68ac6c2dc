'use client'

// The country button in front of the phone field: the chosen country's flag and calling code, and the
// searchable list under it (CountryList, one of the views loaded after the first paint). With one
// allowed country it is plain text. Flags are emoji text where the system draws them, else the ISO code
// in a badge.
import { useId, useMemo, useRef, useState } from 'react'
import type { FocusEvent, KeyboardEvent } from 'react'
import { dialCode } from '../phone/countries'
import { useFlagEmoji } from '../phone/useFlagEmoji'
import type { FirstPaintStrings } from '../strings/types'
import { Flag } from './Flag'
import type { LaterViews } from './useLaterViews'

export interface CountryPickerProps {
  value: string
  /** ISO codes that exist, in the app's order. */
  allowed: readonly string[]
  /** A country's name in the UI language (the same function from render to render). */
  name: (code: string) => string
  /** Whether `name` is cheap yet: the label says the ISO code until then (see useCountryNamer). */
  namesReady: boolean
  /** BCP 47 tag of the language shown. */
  lang: string
  onChange: (country: string) => void
  strings: FirstPaintStrings
  /** The list comes with these; until they are here the button opens nothing. */
  views: LaterViews | undefined
  disabled?: boolean
}

export function CountryPicker(props: CountryPickerProps) {
  const { value, allowed, name, strings, views } = props
  const emoji = useFlagEmoji(views)
  const listId = `${useId()}-list`
  const [open, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  const describe = useMemo(
    () => (code: string) => ({ name: name(code), dialCode: dialCode(code) ?? '' }),
    [name],
  )

  const dial = dialCode(value)
  if (dial === undefined) return null
  const label = `${strings.countryLabel}: ${props.namesReady ? name(value) : value} +${dial}`

  if (allowed.length === 1) {
    return (
      <span className="otpkit-country-fixed" role="img" aria-label={label}>
        <Flag code={value} emoji={emoji} /> <bdi dir="ltr">+{dial}</bdi>
      </span>
    )
  }

  const close = (returnFocus: boolean) => {
    setOpen(false)
    if (returnFocus) button.current?.focus()
  }
  const onButtonKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      setOpen(true)
    }
  }
  const shown = open && views !== undefined
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (open && !event.currentTarget.contains(event.relatedTarget as Node | null)) setOpen(false)
  }
  return (
    <div className="otpkit-country" onBlur={onBlur}>
      <button
        ref={button}
        type="button"
        className="otpkit-country-button"
        aria-label={label}
        aria-haspopup="listbox"
        aria-expanded={shown}
        aria-controls={shown ? listId : undefined}
        disabled={props.disabled}
        onClick={() => (open ? close(false) : setOpen(true))}
        onKeyDown={onButtonKeyDown}
      >
        <Flag code={value} emoji={emoji} /> <bdi dir="ltr">+{dial}</bdi>
        <span className="otpkit-country-caret" aria-hidden="true" />
      </button>
      {shown && (
        <views.CountryList
          listId={listId}
          value={value}
          allowed={allowed}
          describe={describe}
          lang={props.lang}
          Flag={Flag}
          emoji={emoji}
          strings={views.completeStrings(strings)}
          onChoose={(code) => {
            props.onChange(code)
            close(true)
          }}
          onClose={close}
        />
      )}
    </div>
  )
}
