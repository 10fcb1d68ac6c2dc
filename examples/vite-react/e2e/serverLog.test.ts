// Servers started by tests are silent unless a test fails: vitest run on a tiny suite (an emulator that
// logs to the servers' log, e2e/fixtures/serverLog) prints the emulator's banner and SMS line with a
// failing file's failure, and nothing of them for a passing file.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { expect, test } from 'vitest'

const fixture = join(import.meta.dirname, 'fixtures/serverLog')
const vitest = join(import.meta.dirname, '../../../node_modules/vitest/vitest.mjs')

function runFixture(file: string) {
  const run = spawnSync(
    process.execPath,
    [vitest, 'run', '--config', join(fixture, 'vitest.config.ts'), file],
    {
      cwd: fixture,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    },
  )
  return { status: run.status, output: run.stdout + run.stderr }
}

test('a failing test prints what the servers said: the start-up banner and the SMS sent while it ran', () => {
  const { status, output } = runFixture('failing.fixture.ts')
  expect(status).toBe(1)
  expect(output).toContain('What the test servers said at start-up:')
  expect(output).toContain('otpkit emulator: a development stand-in')
  expect(output).toContain('What the test servers said while this file ran:')
  expect(output).toMatch(/SMS to \+1 202 555 0172: \d{6} is your verification code/)
}, 60_000)

test('a passing file prints nothing the servers said', () => {
  const { status, output } = runFixture('passing.fixture.ts')
  expect(status, output).toBe(0)
  expect(output).not.toContain('otpkit emulator')
  expect(output).not.toContain('SMS to')
  expect(output).not.toContain('What the test servers said')
}, 60_000)
