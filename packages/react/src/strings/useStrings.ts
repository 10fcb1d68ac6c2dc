'use client'

import { useEffect, useMemo, useState } from 'react'
import { notify } from '../notify'
import { hasLanguage, loadStrings, resolveLanguage, resolveStrings } from './resolveStrings'
import type { BuiltInLanguage, FirstPaintStrings, PhoneLoginStrings } from './types'

export interface StringsState {
  /** The phone step's strings at least; the later steps' come with their views (completeStrings.ts). */
  strings: FirstPaintStrings
  /** False while the language loads: `strings` is then English and the login shows nothing yet. */
  ready: boolean
}

/**
 * The strings for `locale` with `overrides` on top, loading a built-in language first if it has to.
 * Overrides that cover the phone step show it without their language; once the later views are here and
 * find them short of a later step's key, the language is loaded for those.
 */
export function useStrings(
  locale: string | undefined,
  overrides: Partial<PhoneLoginStrings> | undefined,
  later: { coversLaterSteps(overrides: Partial<PhoneLoginStrings>): boolean } | undefined,
): StringsState {
  const language = resolveLanguage(locale)
  // Set when a language arrives, so that the memo below reads it.
  const [arrived, setArrived] = useState<{ language: BuiltInLanguage; strings: FirstPaintStrings } | null>(
    null,
  )
  const resolved = useMemo(() => {
    const strings = resolveStrings(locale, overrides)
    if (strings || arrived?.language !== language) return strings
    // A language that did not load answered English.
    return { ...arrived.strings, ...overrides }
  }, [locale, overrides, language, arrived])
  const needed =
    !hasLanguage(language) &&
    arrived?.language !== language &&
    (!resolved || (later !== undefined && !later.coversLaterSteps(overrides ?? {})))
  useEffect(() => {
    if (!needed) return
    let active = true
    void loadStrings(language).then((strings) => {
      if (active) notify(() => setArrived({ language, strings }))
    })
    return () => {
      active = false
    }
  }, [needed, language])
  return resolved
    ? { strings: resolved, ready: true }
    : { strings: resolveStrings('en', overrides) as FirstPaintStrings, ready: false }
}
