// The figures in BENCHMARKS.md's "What holds a and b back" come from swapping core modules for
// stand-ins; these tests make sure each swap takes and that switching a behaviour off saves bytes.
import { describe, expect, test } from 'vitest'
import {
  behaviours,
  measureBehaviourCosts,
  measureWithout,
  sendBehaviours,
  sendOnlyEntry,
} from '../behaviourCosts'
import { entryFile } from '../entries'

describe.each([
  { entry: 'b, the full flow', file: entryFile('otpkit', 'headlessFlow'), candidates: behaviours },
  { entry: 'the send-only client', file: sendOnlyEntry, candidates: sendBehaviours },
])('behaviour costs for $entry', ({ file, candidates }) => {
  test.each(candidates.map((behaviour) => ({ behaviour, label: behaviour.label })))(
    'switching off $label bundles its stand-in and weighs less',
    async ({ behaviour }) => {
      const whole = await measureWithout(file, [])
      const without = await measureWithout(file, [behaviour])
      expect(without).toBeLessThan(whole)
    },
  )
})

test('the cheapest way to meet a budget is the fewest behaviours switched off', async () => {
  const file = entryFile('otpkit', 'headlessFlow')
  const whole = await measureWithout(file, [])
  const largest = Math.min(...(await Promise.all(behaviours.map((b) => measureWithout(file, [b])))))
  // A budget that one behaviour's removal meets needs exactly one; one that nothing meets gives null.
  const one = await measureBehaviourCosts('b', file, largest)
  expect(one.whole).toBe(whole)
  expect(one.cheapest?.off).toHaveLength(1)
  expect(one.cheapest?.gzip).toBe(largest)
  const none = await measureBehaviourCosts('b', file, one.withoutAll - 1)
  expect(none.cheapest).toBeNull()
})
