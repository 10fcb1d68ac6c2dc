// react-dom 18 is installed under an alias whose `react` peer resolves to React 19; its CommonJS
// `require('react')` bypasses vite's aliases. Redirect those requires to React 18 for this project.
import Module, { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const redirects: Record<string, string> = {}
for (const [name, alias] of [
  ['react', 'react-18'],
  ['react-dom', 'react-dom-18'],
] as const) {
  for (const sub of ['', '/jsx-runtime', '/jsx-dev-runtime', '/client', '/server', '/test-utils']) {
    try {
      redirects[name + sub] = require.resolve(alias + sub)
    } catch {
      // That entry does not exist for this package (react/client, react-dom/jsx-runtime, …).
    }
  }
}

const INSTALLED = Symbol.for('otpkit.react18Redirect')
const loader = Module as unknown as {
  _resolveFilename: (request: string, ...rest: unknown[]) => string
  [INSTALLED]?: true
}
if (!loader[INSTALLED]) {
  const original = loader._resolveFilename
  loader._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]) {
    return original.call(this, redirects[request] ?? request, ...rest)
  }
  loader[INSTALLED] = true
}
