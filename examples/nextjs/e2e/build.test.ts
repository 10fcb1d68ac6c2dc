// `next build` of the example passes (globalSetup ran it; a failed build fails the whole suite) and
// builds what the example means: a dynamic, server-rendered /account behind the proxy.
import { expect, inject, test } from 'vitest'

test('next build: /account is rendered per request, the proxy is built, no warnings', () => {
  const log = inject('buildLog')
  expect(log).toMatch(/ƒ \/account/)
  expect(log).toMatch(/Proxy \(Middleware\)/)
  expect(log.split('\n').filter((line) => /⚠|warn/i.test(line))).toEqual([])
})
