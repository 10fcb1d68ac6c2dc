import { libraryConfig } from '../tooling/rollup.mjs'

// The login flow is a subpath entry of its own (@otpkit/core/flow), so the root entry does not carry it.
export default libraryConfig({ dir: import.meta.dirname, entries: ['index', 'flow/index'] })
