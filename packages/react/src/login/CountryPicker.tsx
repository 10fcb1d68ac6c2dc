'use client'

// A country button that opens a searchable list (the ARIA combobox pattern): type a name, an ISO code
// or a calling code, move with the arrow keys, Enter picks, Escape closes. Flags are emoji text where
// the system draws them, else the ISO code in a badge.
import { useEffect, useId, useRef, useState } from 'react'
import type { FocusEvent, KeyboardEvent } from 'react'
import { matchesCountry } from '../phone/countries'
import type { CountryOption } from '../phone/countries'
import { useFlagEmoji } from '../phone/useFlagEmoji'
import type { PhoneLoginStrings } from '../strings/types'

export interface CountryPickerProps {
  value: string
  options: CountryOption[]
  onChange: (country: string) => void
  strings: PhoneLoginStrings
  disabled?: boolean
}

/** A flag, or its ISO code in a badge where flag emoji would be a box. Decorative: the name follows. */
function Flag({ option, emoji }: { option: CountryOption; emoji: boolean }) {
  return emoji ? (
    <span aria-hidden="true">{option.flag}</span>
  ) : (
    // The code is drawn by CSS (generated content), so it is no part of the button's visible name.
    <span className="otpkit-flag-code" data-code={option.code} aria-hidden="true" />
  )
}

export function CountryPicker({ value, options, onChange, strings, disabled }: CountryPickerProps) {
  const emoji = useFlagEmoji()
  const id = useId()
  const listId = `${id}-list`
  const [open, setOpen] = useState(false)
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const button = useRef<HTMLButtonElement>(null)
  const search = useRef<HTMLInputElement>(null)
  const selected = options.find((option) => option.code === value) ?? options[0]
  const matches = options.filter((option) => matchesCountry(option, query))
  const activeOption = matches[Math.min(active, matches.length - 1)]
  const optionId = (code: string) => `${id}-${code}`

  useEffect(() => {
    if (open) search.current?.focus()
  }, [open])
  useEffect(() => {
    if (open && activeOption)
      document.getElementById(optionId(activeOption.code))?.scrollIntoView?.({ block: 'nearest' })
  })

  if (!selected) return null
  const label = `${strings.countryLabel}: ${selected.name} +${selected.dialCode}`

  if (options.length === 1) {
    return (
      <span className="otpkit-country-fixed" role="img" aria-label={label}>
        {selected && <Flag option={selected} emoji={emoji} />} +{selected.dialCode}
      </span>
    )
  }

  const openList = () => {
    setQuery('')
    setActive(Math.max(0, options.indexOf(selected)))
    setOpen(true)
  }
  const close = (returnFocus: boolean) => {
    setOpen(false)
    if (returnFocus) button.current?.focus()
  }
  const choose = (option: CountryOption) => {
    onChange(option.code)
    close(true)
  }

  const onButtonKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      openList()
    }
  }
  const onSearchKeyDown = (event: KeyboardEvent) => {
    const last = matches.length - 1
    const at = Math.min(active, last)
    if (event.key === 'ArrowDown') setActive(Math.min(at + 1, last))
    else if (event.key === 'ArrowUp') setActive(Math.max(at - 1, 0))
    else if (event.key === 'PageDown') setActive(Math.min(at + 10, last))
    else if (event.key === 'PageUp') setActive(Math.max(at - 10, 0))
    else if (event.key === 'Enter') {
      if (activeOption) choose(activeOption)
    } else if (event.key === 'Escape') close(true)
    else if (event.key === 'Tab') return close(false)
    else return
    event.preventDefault()
  }
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
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        disabled={disabled}
        onClick={() => (open ? close(false) : openList())}
        onKeyDown={onButtonKeyDown}
      >
        {selected && <Flag option={selected} emoji={emoji} />} +{selected.dialCode}
        <span className="otpkit-country-caret" aria-hidden="true" />
      </button>
      {open && (
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
            onKeyDown={onSearchKeyDown}
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
                <Flag option={option} emoji={emoji} /> {option.name}{' '}
                <span className="otpkit-country-dial">+{option.dialCode}</span>
              </li>
            ))}
          </ul>
          {matches.length === 0 && <p className="otpkit-country-empty">{strings.countryNoMatch}</p>}
        </div>
      )}
    </div>
  )
}
