import { libraryConfig } from '../tooling/rollup.mjs'

// The login flow is a subpath entry of its own (@otpkit/core/flow), so the root entry does not carry it.
// Its JavaScript is built apart, one file that imports nothing from the client's: <PhoneLogin> loads the
// flow after its first paint, and a module that the flow shared with the client (the channels, the error
// brand, storage and shape checks) would be split by esbuild into a chunk of its own, one more request
// before the first paint. The few helpers it carries twice are the price (measured with `pnpm bench`).
// The declarations stay one build, so both entries name the same types. (Each libraryConfig call
// empties dist/ when the config loads, before anything is built.)
const dir = import.meta.dirname
const [, ...types] = libraryConfig({ dir, entries: ['index', 'flow/index'] })
const [client] = libraryConfig({ dir, entries: ['index'] })
const [flow] = libraryConfig({ dir, entries: ['flow/index'] })

export default [client, flow, ...types]
