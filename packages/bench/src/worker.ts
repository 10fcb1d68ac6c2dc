// The compiled entry for measurements that run in a process of their own (see child.ts).
import { startEmulatorServer } from '@otpkit/emulator/server'
import { printResult } from './child'
import type { ServerMessage } from './emulatorLoad'
import type { Sdk } from './entries'
import { countLoginRequests } from './requests'
import { profileLoginUi } from './renders'
import { timeToWire } from './wireTime'

function sdkArgument(value: string | undefined): Sdk {
  if (value !== 'otpkit' && value !== 'vendor') throw new Error(`expected otpkit or vendor, got ${value}`)
  return value
}

async function serveEmulator(): Promise<void> {
  const send = (message: ServerMessage) => process.send?.(message)
  const server = await startEmulatorServer({
    port: 0,
    log: false,
    // The load test measures throughput, not the send limit: every number may be used many times.
    rateLimit: { max: 1_000_000, windowSeconds: 1 },
    onMessage: (sms) => send({ type: 'sms', to: sms.to, code: sms.code }),
  })
  send({ type: 'listening', url: server.url })
  process.on('disconnect', () => {
    void server.close().finally(() => process.exit(0))
  })
}

const [task, ...args] = process.argv.slice(2)
switch (task) {
  case 'requests': {
    const [sdk, settleMs, baseUrl] = args
    const options = { settleMs: Number(settleMs ?? 1_500), ...(baseUrl ? { baseUrl } : {}) }
    printResult(await countLoginRequests(sdkArgument(sdk), options))
    process.exit(0)
    break
  }
  case 'wire-time': {
    // Both SDKs in one process, one after the other.
    const calls = Number(args[0] ?? 200)
    printResult([await timeToWire('otpkit', { calls }), await timeToWire('vendor', { calls })])
    process.exit(0)
    break
  }
  case 'renders': {
    printResult(await profileLoginUi(sdkArgument(args[0])))
    process.exit(0)
    break
  }
  case 'emulator-server': {
    await serveEmulator()
    break
  }
  default:
    console.error(`unknown task ${task}; expected requests, wire-time, renders or emulator-server`)
    process.exit(2)
}
