// Phone numbers for the tests that hold the phone tools to libphonenumber-js: seeded, so that a failure
// names numbers that can be made again.
import examples from 'libphonenumber-js/examples.mobile.json'

/** A small seeded generator: `next(below)` is a number in [0, below). */
export function random(seed: number) {
  let state = seed
  return (below: number) => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return (((t ^ (t >>> 14)) >>> 0) / 4294967296) * below
  }
}

/** `count` national numbers for `country`: its example with random tails (mostly valid) of random lengths. */
export function nationalNumbers(country: string, count: number): string[] {
  const next = random(country.charCodeAt(0) * 31 + country.charCodeAt(1))
  const example = (examples as Record<string, string>)[country] ?? '2015550123'
  const numbers: string[] = []
  for (let index = 0; index < count; index += 1) {
    const keep = Math.floor(next(example.length))
    let digits = example.slice(0, keep)
    const length = example.length + Math.floor(next(5)) - 2
    while (digits.length < length) digits += String(Math.floor(next(10)))
    numbers.push(digits)
  }
  return numbers
}
