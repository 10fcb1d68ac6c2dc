'use client'

// Whether flag emoji render here. Windows has no flag glyphs, nor has Linux without an emoji font: they
// draw two letters or an empty box, so the picker shows the ISO code in a badge instead (text, nothing
// fetched). Checked once per page, when the page is idle after the first paint (drawing an emoji makes the
// browser look through its fonts), by drawing a flag on a canvas and looking for colour.
import { useEffect, useState } from 'react'
import { notify } from '../notify'
import { whenIdle } from '../whenIdle'

let detected: boolean | undefined

function drawsFlagEmoji(): boolean {
  try {
    const canvas = document.createElement('canvas')
    canvas.width = 24
    canvas.height = 24
    const context = canvas.getContext('2d', { willReadFrequently: true })
    if (!context) return false
    context.textBaseline = 'top'
    context.font = '20px sans-serif'
    context.fillText('\u{1F1FA}\u{1F1F8}', 0, 0)
    const { data } = context.getImageData(0, 0, 24, 24)
    // Letters and boxes are drawn in one grey; a flag has colour.
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] && (data[i] !== data[i + 1] || data[i + 1] !== data[i + 2])) return true
    }
    return false
  } catch {
    return false
  }
}

/** False on the server and at first render (the badge), then whether this system draws flag emoji. */
export function useFlagEmoji(): boolean {
  const [flags, setFlags] = useState(detected ?? false)
  useEffect(() => {
    if (detected !== undefined) return
    return whenIdle(() => {
      detected ??= drawsFlagEmoji()
      if (detected) notify(() => setFlags(true))
    })
  }, [])
  return flags
}
