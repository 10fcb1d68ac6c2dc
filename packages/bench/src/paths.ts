// Paths that hold whether this code runs from src/ (vitest) or from the esbuild output in dist/ (the CLI):
// both folders sit directly in the package folder.
import { fileURLToPath } from 'node:url'

export const packageDir = fileURLToPath(new URL('..', import.meta.url))
export const workspaceDir = fileURLToPath(new URL('../../..', import.meta.url))
