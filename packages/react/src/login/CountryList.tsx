'use client'

// The country picker's searchable list (the ARIA combobox pattern): type a name, an ISO code or a calling
// code, move with the arrow keys, Enter picks, Escape closes. It opens under CountryPicker's button and
// arrives after the first paint with the other later views; the names are sorted only when it opens.
import { useEffect, useMemo, useRef, useState } from 'react'
import type { ComponentType, KeyboardEvent } from 'react'
import { countryOptions, matchesCountry } from '../phone/countryOptions'
import type { CountryOption } from '../phone/countryOptions'
import type { PhoneLoginStrings } from '../strings/types'

export interface CountryListProps {
  /** The listbox's id, which the picker's button controls. */
  listId: string
  value: string
  allowed: readonly string[]
  describe: (code: string) => { name: string; dialCode: string }
  /** BCP 47 tag of the language shown, for sorting the names. */
  lang: string
  /** The picker's flag (a first-paint module, so it comes as a prop), emoji where `emoji` says they render. */
  Flag: ComponentType<{ code: string; emoji: boolean }>
  emoji: boolean
  strings: PhoneLoginStrings
  onChoose: (code: string) => void
  /** Escape (focus back to the button) or Tab (focus moves on). */
  onClose: (returnFocus: boolean) => void
}

export function CountryList(props: CountryListProps) {
  const { listId, value, allowed, describe, lang, Flag, emoji, strings } = props
  const options = useMemo(() => countryOptions(allowed, describe, lang), [allowed, describe, lang])
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(() =>
    Math.max(
      0,
      options.findIndex((option) => option.code === value),
    ),
  )
  const search = useRef<HTMLInputElement>(null)
  const matches = options.filter((option) => matchesCountry(option, query))
  const activeOption = matches[Math.min(active, matches.length - 1)]
  const optionId = (code: string) => `${listId}-${code}`

  useEffect(() => search.current?.focus(), [])
  useEffect(() => {
    if (activeOption)
      document.getElementById(optionId(activeOption.code))?.scrollIntoView?.({ block: 'nearest' })
  })

  const choose = (option: CountryOption) => props.onChoose(option.code)
  const onKeyDown = (event: KeyboardEvent) => {
    const last = matches.length - 1
    const at = Math.min(active, last)
    if (event.key === 'ArrowDown') setActive(Math.min(at + 1, last))
    else if (event.key === 'ArrowUp') setActive(Math.max(at - 1, 0))
    else if (event.key === 'PageDown') setActive(Math.min(at + 10, last))
    else if (event.key === 'PageUp') setActive(Math.max(at - 10, 0))
    else if (event.key === 'Enter') {
      if (activeOption) choose(activeOption)
    } else if (event.key === 'Escape') props.onClose(true)
    else if (event.key === 'Tab') return props.onClose(false)
    else return
    event.preventDefault()
  }

  return (
    <div className="otpkit-country-popup">
      <input
        ref={search}
        type="text"
        role="combobox"
        className="otpkit-input otpkit-country-search"
        aria-label={strings.countrySearchLabel}
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeOption ? optionId(activeOption.code) : undefined}
        placeholder={strings.countrySearchPlaceholder}
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value)
          setActive(0)
        }}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" className="otpkit-country-list" aria-label={strings.countryLabel}>
        {matches.map((option) => (
          <li
            key={option.code}
            id={optionId(option.code)}
            role="option"
            className="otpkit-country-option"
            aria-selected={option.code === value}
            data-active={option === activeOption || undefined}
            // Keep focus in the search field so choosing with the mouse does not close the list first.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(option)}
          >
            <Flag code={option.code} emoji={emoji} /> {option.name}{' '}
            <bdi className="otpkit-country-dial" dir="ltr">
              +{option.dialCode}
            </bdi>
          </li>
        ))}
      </ul>
      {matches.length === 0 && <p className="otpkit-country-empty">{strings.countryNoMatch}</p>}
    </div>
  )
}
