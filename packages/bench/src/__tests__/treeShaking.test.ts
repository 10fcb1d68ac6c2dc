// `sideEffects: false` is a promise that unused code goes: an app that imports only part of core must
// not pay for the rest. Measured on the built package, as an app's bundler sees it.
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { bundleEntry, sizeOf } from '../bundleSize'
import { packageDir } from '../paths'

test('importing only the error classes and guards from @otpkit/core bundles none of the client', async () => {
  const { outputFiles } = await bundleEntry(join(packageDir, 'src/treeShaking/errorsOnly.ts'))
  expect(outputFiles.map((file) => file.path.split('/').pop())).toEqual(['errorsOnly.js'])
  const [output] = outputFiles
  if (!output) throw new Error('esbuild wrote nothing')
  const { gzip } = sizeOf(output.contents)
  expect(gzip, `${gzip} gzip bytes`).toBeLessThanOrEqual(600)
  // Strings of the validation rules, the response shapes, the session store and the transport.
  for (const leftover of ['an integer from 1 to 10', 'phone_numbers', 'stytch_sdk_state_', '/sdk/v1'])
    expect(output.text).not.toContain(leftover)
  expect(output.text).toContain('StytchUsageError')
})
