// Workspace packages whose build output Node loads directly (the emulator's command, the relay in the Vite
// config): built on a fresh clone, or again after their sources change.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** The newest modification time of the files under `dir`, tests excepted. */
function newest(dir) {
  let time = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === '__tests__') continue
    const path = join(dir, entry.name)
    time = Math.max(time, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs)
  }
  return time
}

/** Builds `packageDir` unless `dist/<entry>` exists and is newer than every source file. */
export function buildIfNeeded(packageDir, entry, name) {
  const dist = join(packageDir, 'dist')
  if (existsSync(join(dist, entry)) && newest(dist) >= newest(join(packageDir, 'src'))) return
  console.log(`Building ${name}…`)
  // Under `pnpm run`, npm_execpath is pnpm's own script; elsewhere the workspace's pnpm (a root dev
  // dependency), or one on the PATH.
  const pnpm = process.env.npm_execpath
  const local = join(import.meta.dirname, '../../../node_modules/.bin/pnpm')
  const [command, args] = pnpm?.endsWith('js')
    ? [process.execPath, [pnpm]]
    : [existsSync(local) ? local : 'pnpm', []]
  const result = spawnSync(command, [...args, 'run', 'build'], { cwd: packageDir, stdio: 'inherit' })
  if (result.status !== 0) {
    console.error(`Could not build ${name} (${result.error?.message ?? 'see above'}).`)
    process.exit(1)
  }
}
