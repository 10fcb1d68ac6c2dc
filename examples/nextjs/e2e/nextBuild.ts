// `next build` as a child process, the way a developer or a CI runs it, with telemetry off and the
// output in a folder of the test's own. Returns the log and how long it took.
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'

const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next')

export interface BuildResult {
  status: number | null
  log: string
  seconds: number
}

function withoutCi(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const rest = { ...env }
  delete rest.CI
  return rest
}

export function nextBuild(dir: string, env: Record<string, string>): BuildResult {
  const started = performance.now()
  const run = spawnSync(process.execPath, [nextBin, 'build'], {
    cwd: dir,
    encoding: 'utf8',
    // Without CI in the environment: under CI, Next advises caching .next/cache between CI runs ("No build
    // cache found"), which a test that builds from a clean folder has no use for.
    env: { ...withoutCi(process.env), NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production', ...env },
  })
  return {
    status: run.status,
    log: `${run.stdout}\n${run.stderr}`,
    seconds: (performance.now() - started) / 1000,
  }
}
