// A real redis-server for the tests: Debian's package, started on a Unix socket in a fresh temporary folder (no
// port to collide with), with nothing saved to disk, and stopped after the file's tests. What it prints goes
// to the file's server log, shown only when a test fails.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import type { ServerLog } from '../../../tooling/testing/serverLog'

export const REDIS_SERVER = process.env.REDIS_SERVER_PATH || '/usr/bin/redis-server'

export interface RedisServer {
  socket: string
  stop(): Promise<void>
}

export async function startRedisServer(log: ServerLog): Promise<RedisServer> {
  if (!existsSync(REDIS_SERVER)) {
    throw new Error(
      `No redis-server at ${REDIS_SERVER}: install Debian's redis-server or set REDIS_SERVER_PATH`,
    )
  }
  const dir = mkdtempSync(join(tmpdir(), 'otpkit-redis-'))
  const socket = join(dir, 'redis.sock')
  const child: ChildProcess = spawn(
    REDIS_SERVER,
    ['--port', '0', '--unixsocket', socket, '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  child.stdout?.on('data', (chunk: Buffer) => log.line(chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => log.line(chunk.toString()))
  const deadline = Date.now() + 10_000
  while (!existsSync(socket)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill()
      rmSync(dir, { recursive: true, force: true })
      throw new Error(`redis-server did not start:\n${readFileSync(log.path, 'utf8')}`)
    }
    await sleep(20)
  }
  return {
    socket,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
