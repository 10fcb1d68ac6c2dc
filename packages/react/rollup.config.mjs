import preserveDirectives from 'rollup-preserve-directives'
import { libraryConfig } from '../tooling/rollup.mjs'

const [code, ...types] = libraryConfig({ dir: import.meta.dirname, copy: ['styles.css'] })

// One output file per source module (dist/login/PhoneLogin.js, dist/phone/phoneTools.js, …), so an
// app's bundler splits and tree-shakes the package as it would the sources: the headless hooks never
// share a chunk with the phone step's country table. Per-module files also keep each module's own
// "use client": rollup drops module directives, preserveDirectives() puts them back on the files whose
// source has one, so Next.js sees the client boundaries while a Server Component can still import the
// barrel and the hooks-free modules.
//
// The locale subpaths (`@otpkit/react/locales/es`, …) are built apart, each one file with its strings
// inlined: if they re-exported dist/strings/es.js, an app importing one would share that module with
// <PhoneLogin>'s on-demand import of it, and esbuild would split it into a chunk of its own, one more
// request before first paint. (Each libraryConfig call empties dist/ when the config loads, before
// anything is built.)
const locales = libraryConfig({
  dir: import.meta.dirname,
  entries: [
    'locales/en',
    'locales/es',
    'locales/fr',
    'locales/pt-br',
    'locales/de',
    'locales/it',
    'locales/ja',
    'locales/ar',
  ],
})

export default [
  {
    ...code,
    plugins: [...code.plugins, preserveDirectives()],
    output: code.output.map((output) => ({ ...output, preserveModules: true, preserveModulesRoot: 'src' })),
  },
  ...types,
  ...locales,
]
