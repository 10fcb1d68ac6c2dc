import { libraryConfig } from '../tooling/rollup.mjs'

const [code, ...types] = libraryConfig({ dir: import.meta.dirname, copy: ['styles.css'] })

// One output file per source module (dist/login/PhoneLogin.js, dist/phone/phoneTools.js, …), so an
// app's bundler splits and tree-shakes the package as it would the sources: the headless hooks never
// share a chunk with the phone step's country table.
export default [
  {
    ...code,
    output: code.output.map((output) => ({ ...output, preserveModules: true, preserveModulesRoot: 'src' })),
  },
  ...types,
]
