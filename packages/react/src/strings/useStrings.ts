'use client'

import { useEffect, useMemo, useState } from 'react'
import { notify } from '../notify'
import { loadStrings, resolveLanguage, resolveStrings } from './resolveStrings'
import type { BuiltInLanguage, PhoneLoginStrings } from './types'

export interface StringsState {
  strings: PhoneLoginStrings
  /** False while the language loads: `strings` is then English and the login shows nothing yet. */
  ready: boolean
}

/** The strings for `locale` with `overrides` on top, loading a built-in language first if it has to. */
export function useStrings(
  locale: string | undefined,
  overrides: Partial<PhoneLoginStrings> | undefined,
): StringsState {
  const language = resolveLanguage(locale)
  // Bumped when a language arrives, so that the memo below reads it.
  const [arrived, setArrived] = useState<{ language: BuiltInLanguage; strings: PhoneLoginStrings } | null>(
    null,
  )
  const resolved = useMemo(() => {
    const strings = resolveStrings(locale, overrides)
    if (strings || arrived?.language !== language) return strings
    return overrides ? { ...arrived.strings, ...overrides } : arrived.strings
  }, [locale, overrides, language, arrived])
  useEffect(() => {
    if (resolved) return
    let active = true
    void loadStrings(language).then((strings) => {
      if (active) notify(() => setArrived({ language, strings }))
    })
    return () => {
      active = false
    }
  }, [resolved, language])
  return resolved
    ? { strings: resolved, ready: true }
    : { strings: resolveStrings('en', overrides) as PhoneLoginStrings, ready: false }
}
