import { libraryConfig } from '../tooling/rollup.mjs'

export default libraryConfig({
  dir: import.meta.dirname,
  entries: ['index', 'server', 'cli'],
  typedEntries: ['index', 'server'],
  target: 'node20',
})
