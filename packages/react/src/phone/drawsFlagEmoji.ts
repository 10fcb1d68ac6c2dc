// Whether this system draws flag emoji: a flag drawn on a canvas has colour, where letters and boxes are
// one grey. Run once per page, when it is idle; it comes with the views loaded after the first paint
// (laterViews.ts), since nothing needs it before.
export function drawsFlagEmoji(): boolean {
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
