import { libraryConfig } from '../tooling/rollup.mjs'

export default libraryConfig({ dir: import.meta.dirname, target: 'node20' })
