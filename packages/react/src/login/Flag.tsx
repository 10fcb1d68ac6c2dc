import { flagEmoji } from '../phone/countries'

/**
 * A country's flag as emoji text, or its ISO code in a badge where this system draws flag emoji as a box
 * (see useFlagEmoji). Decorative: the country's name is always said beside it.
 */
export function Flag({ code, emoji }: { code: string; emoji: boolean }) {
  return emoji ? (
    <span className="otpkit-flag" aria-hidden="true">
      {flagEmoji(code)}
    </span>
  ) : (
    // The code is drawn by CSS (generated content), so it is no part of the button's visible name.
    <span className="otpkit-flag-code" data-code={code} aria-hidden="true" />
  )
}
