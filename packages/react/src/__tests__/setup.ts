// Shared test setup: React's act() wraps every update the package makes outside React events, and a
// test fails if React printed an act() warning anyway (or a hydration mismatch).
import { act, cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'
import { setNotifyFunction } from '../index'

// @testing-library/react sets this from global beforeAll hooks, which vitest does not expose by default.
;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

// jsdom has no canvas and says so on the console; answer as a browser without one does (null), so the
// flag check finds no flag emoji, as on Windows or on Linux without an emoji font.
if (typeof HTMLCanvasElement !== 'undefined') HTMLCanvasElement.prototype.getContext = () => null

setNotifyFunction((fn) => {
  act(fn)
})

const problems: string[] = []
const watched = /not wrapped in act|not configured to support act|overlapping act|did not match|hydrat/i
const originalError = console.error.bind(console)
console.error = (...args: unknown[]) => {
  const text = args.map(String).join(' ')
  if (watched.test(text)) problems.push(text)
  originalError(...args)
}

afterEach(() => {
  cleanup()
  // <PhoneLogin> keeps a sent code's step for this tab; each test is a fresh tab.
  if (typeof sessionStorage !== 'undefined') sessionStorage.clear()
  const found = problems.splice(0)
  if (found.length > 0) throw new Error(`React warned during this test:\n${found.join('\n')}`)
})
