import preserveDirectives from 'rollup-preserve-directives'
import { libraryConfig } from '../tooling/rollup.mjs'

const [code, ...types] = libraryConfig({ dir: import.meta.dirname, copy: ['styles.css'] })

// One output file per source module (dist/login/PhoneLogin.js, dist/phone/phoneTools.js, …), so an
// app's bundler splits and tree-shakes the package as it would the sources: the headless hooks never
// share a chunk with the phone step's country table. Per-module files also keep each module's own
// "use client": rollup drops module directives, preserveDirectives() puts them back on the files whose
// source has one, so Next.js sees the client boundaries while a Server Component can still import the
// barrel and the hooks-free modules.
export default [
  {
    ...code,
    plugins: [...code.plugins, preserveDirectives()],
    output: code.output.map((output) => ({ ...output, preserveModules: true, preserveModulesRoot: 'src' })),
  },
  ...types,
]
