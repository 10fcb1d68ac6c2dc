// Runs every test suite of the workspace, keeps going past a failing one, and ends with the totals of
// all of them on one line, `N passed, N failed`, which is what CI records.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join, relative } from 'node:path'

const root = join(import.meta.dirname, '../..')
const vitest = join(root, 'node_modules/.bin/vitest')

/** Suites in the order a reader would debug them: foundations first. */
const suites = [
  { dir: 'packages/core' },
  { dir: 'packages/emulator' },
  // The Redis store's tests start their own redis-server (on a Unix socket in a temporary folder).
  { dir: 'packages/server', redis: 'src/__tests__/redisStore.test.ts' },
  { dir: 'packages/react' },
  { dir: 'packages/bench' },
  { dir: 'examples/vite-react', browser: true },
  // Two `next build`s (the example and the client-boundary app), then Chromium against the example.
  { dir: 'examples/nextjs', browser: true },
]

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const redisServer = process.env.REDIS_SERVER_PATH || '/usr/bin/redis-server'
let passed = 0
let failed = 0
const problems = []

for (const suite of suites) {
  const cwd = join(root, suite.dir)
  if (!existsSync(join(cwd, 'vitest.config.ts'))) continue
  if (suite.browser && !existsSync(chromium)) {
    const line = `Browser tests were not run: no Chromium at ${chromium}. Install it with \`apt-get install chromium\` or set CHROMIUM_PATH.`
    console.log(line)
    if (process.env.CI === 'true') problems.push(`${suite.dir}: Chromium missing under CI`)
    continue
  }
  const exclude = []
  if (suite.redis && !existsSync(redisServer)) {
    const line = `Redis tests were not run: no redis-server at ${redisServer}. Install it with \`apt-get install redis-server\` or set REDIS_SERVER_PATH.`
    console.log(line)
    if (process.env.CI === 'true') problems.push(`${suite.dir}: redis-server missing under CI`)
    exclude.push('--exclude', suite.redis)
  }
  const reportDir = join(cwd, '.reports')
  const report = join(reportDir, 'vitest.json')
  rmSync(report, { force: true })
  mkdirSync(reportDir, { recursive: true })
  console.log(`\n▶ ${suite.dir}`)
  const run = spawnSync(
    vitest,
    ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...exclude],
    {
      cwd,
      stdio: 'inherit',
      env: { ...process.env, CHROMIUM_PATH: chromium, REDIS_SERVER_PATH: redisServer },
    },
  )
  if (!existsSync(report)) {
    problems.push(`${suite.dir}: vitest wrote no report (exit ${run.status})`)
    continue
  }
  const result = JSON.parse(readFileSync(report, 'utf8'))
  passed += result.numPassedTests
  failed += result.numFailedTests
  // A file that fails to load counts no failed test, so the exit code is checked as well.
  if (run.status !== 0) problems.push(`${relative(root, cwd)}: vitest exited ${run.status}`)
}

for (const problem of problems) console.log(`✗ ${problem}`)
console.log(`${passed} passed, ${failed} failed`)
process.exit(problems.length > 0 || failed > 0 ? 1 : 0)
