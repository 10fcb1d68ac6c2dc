import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { HELP, parseCliArgs, UsageError } from '../cliArgs'
import { DEMO_PUBLIC_TOKEN } from '../index'
import { PHONE, publicAuth } from './helpers'

const packageDir = join(import.meta.dirname, '../..')
const bin = join(packageDir, 'bin/otpkit-emulator.js')

describe('parseCliArgs', () => {
  it('has defaults that work with zero flags', () => {
    expect(parseCliArgs([])).toEqual({ help: false, options: { port: 8787, host: '127.0.0.1' } })
  })

  it('reads every flag', () => {
    const parsed = parseCliArgs([
      '--port=0',
      '--host',
      '0.0.0.0',
      '--public-token',
      'public-token-test-x',
      '--project-id',
      'project-test-x',
      '--secret',
      'secret-test-x',
      '--countries',
      'us, ca,FR',
      '--app-origin',
      'http://localhost:5173',
      '--code-lifetime',
      '300',
      '--rate-limit',
      '3/60',
    ])
    expect(parsed).toEqual({
      help: false,
      options: {
        port: 0,
        host: '0.0.0.0',
        publicToken: 'public-token-test-x',
        projectId: 'project-test-x',
        secret: 'secret-test-x',
        countries: ['us', 'ca', 'FR'],
        appOrigin: 'http://localhost:5173',
        codeLifetimeSeconds: 300,
        rateLimit: { max: 3, windowSeconds: 60 },
      },
    })
  })

  it('answers --help and -h', () => {
    expect(parseCliArgs(['--help'])).toEqual({ help: true })
    expect(parseCliArgs(['-h'])).toEqual({ help: true })
    expect(HELP).toMatch(/--port/)
    expect(HELP).toMatch(/never run it as a production server/)
  })

  it.each([
    [['--port', 'abc']],
    [['--port', '70000']],
    [['--port', '-1']],
    [['--nope']],
    [['stray']],
    [['--rate-limit', 'lots']],
    [['--code-lifetime', '0']],
  ])('refuses %j with a UsageError', (argv) => {
    expect(() => parseCliArgs(argv)).toThrow(UsageError)
  })

  it('binds a non-loopback host only when --host says so', () => {
    expect(() => parseCliArgs([], { OTPKIT_EMULATOR_HOST: '0.0.0.0' })).toThrow(/Refusing to bind 0\.0\.0\.0/)
    expect(parseCliArgs([], { OTPKIT_EMULATOR_HOST: '::1' })).toMatchObject({ options: { host: '::1' } })
    expect(parseCliArgs(['--host', '192.168.1.5'])).toMatchObject({ options: { host: '192.168.1.5' } })
  })

  it('takes the port from OTPKIT_EMULATOR_PORT when no flag is given', () => {
    expect(parseCliArgs([], { OTPKIT_EMULATOR_PORT: '9000' })).toMatchObject({ options: { port: 9000 } })
    expect(parseCliArgs(['--port', '9001'], { OTPKIT_EMULATOR_PORT: '9000' })).toMatchObject({
      options: { port: 9001 },
    })
  })
})

describe('the otpkit-emulator bin', () => {
  let child: ChildProcess | undefined

  beforeAll(() => {
    // The workspace builds before tests; build here only on a clean clone that skipped it.
    if (existsSync(join(packageDir, 'dist/cli.js'))) return
    const rollup = createRequire(join(packageDir, 'package.json')).resolve('rollup/dist/bin/rollup')
    const build = spawnSync(process.execPath, [rollup, '-c'], { cwd: packageDir, encoding: 'utf8' })
    if (build.status !== 0) throw new Error(`build failed:\n${build.stderr}`)
  }, 120_000)

  afterEach(() => {
    if (child && child.exitCode === null) child.kill('SIGTERM')
    child = undefined
  })

  function start(args: string[]): Promise<{ url: string; output: () => string }> {
    const proc = spawn(process.execPath, [bin, ...args], {
      cwd: packageDir,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    child = proc
    let stdout = ''
    let stderr = ''
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no banner:\n${stdout}\n${stderr}`)), 15_000)
      proc.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
      proc.stdout?.on('data', (chunk: Buffer) => {
        stdout += chunk.toString()
        const match = /Inbox\s+(http:\/\/\S+)\/__emulator\//.exec(stdout)
        if (match?.[1]) {
          clearTimeout(timer)
          resolve({ url: match[1], output: () => stdout })
        }
      })
      proc.on('exit', (code) => {
        clearTimeout(timer)
        reject(new Error(`exited ${code}:\n${stdout}\n${stderr}`))
      })
    })
  }

  it('starts on a free port, prints the banner, and serves the API', async () => {
    const { url, output } = await start(['--port', '0'])
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(url).not.toMatch(/:0$/)
    expect(output()).toContain(DEMO_PUBLIC_TOKEN)

    const response = await fetch(`${url}/sdk/v1/otps/sms/login_or_create`, {
      method: 'POST',
      headers: { authorization: publicAuth(), 'content-type': 'application/json' },
      body: JSON.stringify({ phone_number: PHONE }),
    })
    expect(response.status).toBe(200)
    const [message] = (await (await fetch(`${url}/__emulator/messages`)).json()) as { code: string }[]
    await expect.poll(output).toContain(`SMS to +1 202 555 0162: ${message?.code} is your verification code.`)
  }, 30_000)

  it('takes the credentials flags', async () => {
    const { url } = await start([
      '--port',
      '0',
      '--public-token',
      'public-token-test-cli',
      '--countries',
      'FR',
    ])
    const response = await fetch(`${url}/sdk/v1/otps/sms/login_or_create`, {
      method: 'POST',
      headers: { authorization: `Basic ${btoa('public-token-test-cli:public-token-test-cli')}` },
      body: JSON.stringify({ phone_number: '+33612345678' }),
    })
    expect(response.status).toBe(200)
  }, 30_000)

  it('exits cleanly on SIGTERM', async () => {
    await start(['--port', '0'])
    const proc = child as ChildProcess
    const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)))
    proc.kill('SIGTERM')
    expect(await exited).toBe(0)
  }, 30_000)

  it('prints help, and refuses bad flags with exit code 2', () => {
    const help = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' })
    expect(help.status).toBe(0)
    expect(help.stdout).toMatch(/Usage: otpkit-emulator/)
    const bad = spawnSync(process.execPath, [bin, '--port', 'x'], { encoding: 'utf8' })
    expect(bad.status).toBe(2)
    expect(bad.stderr).toMatch(/--port must be an integer/)
    const exposed = spawnSync(process.execPath, [bin], {
      encoding: 'utf8',
      env: { ...process.env, OTPKIT_EMULATOR_HOST: '0.0.0.0' },
    })
    expect(exposed.status).toBe(2)
    expect(exposed.stderr).toMatch(/Refusing to bind/)
  }, 30_000)
})
