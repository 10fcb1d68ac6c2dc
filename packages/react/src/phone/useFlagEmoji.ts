'use client'

// Whether flag emoji render here. Windows has no flag glyphs, nor has Linux without an emoji font: they
// draw two letters or an empty box, so the picker shows the ISO code in a badge instead (text, nothing
// fetched). Checked once per page, when the page is idle after the first paint (drawing an emoji makes the
// browser look through its fonts), by drawing a flag on a canvas and looking for colour (drawsFlagEmoji.ts,
// one of the views loaded after the first paint).
import { useEffect, useState } from 'react'
import type { LaterViews } from '../login/useLaterViews'
import { notify } from '../notify'
import { whenIdle } from '../whenIdle'

let detected: boolean | undefined

/** False on the server and at first render (the badge), then whether this system draws flag emoji. */
export function useFlagEmoji(views: LaterViews | undefined): boolean {
  const [flags, setFlags] = useState(detected ?? false)
  useEffect(() => {
    if (detected !== undefined || !views) return
    return whenIdle(() => {
      detected ??= views.drawsFlagEmoji()
      if (detected) notify(() => setFlags(true))
    })
  }, [views])
  return flags
}
