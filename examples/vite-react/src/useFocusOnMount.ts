import { useEffect, useRef } from 'react'

/** A heading that takes focus when its page replaces the one focus was on (sign-in, log-out). */
export function useFocusOnMount<T extends HTMLElement>(when: boolean) {
  const ref = useRef<T>(null)
  useEffect(() => {
    if (when) ref.current?.focus()
    // Only on arrival: later renders of the same page leave focus alone.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
  return ref
}
