// The `otpkit-emulator` executable (bin/otpkit-emulator.js loads the built copy). Runs on load, by design.
import { HELP, parseCliArgs } from './cliArgs'
import { startEmulatorServer, type EmulatorServer } from './server'

async function main(argv: string[]): Promise<void> {
  let parsed
  try {
    parsed = parseCliArgs(argv, process.env)
  } catch (error) {
    console.error(`otpkit-emulator: ${(error as Error).message}\n\n${HELP}`)
    process.exitCode = 2
    return
  }
  if (parsed.help) {
    console.log(HELP)
    return
  }
  // Listen for signals before the banner appears, so a stop right after start is still clean.
  let server: EmulatorServer | undefined
  const stop = () => {
    void (server ? server.close() : Promise.resolve()).then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  try {
    server = await startEmulatorServer(parsed.options)
  } catch (error) {
    process.off('SIGINT', stop)
    process.off('SIGTERM', stop)
    const code = (error as { code?: unknown }).code
    const message =
      code === 'EADDRINUSE'
        ? `port ${parsed.options.port} is already in use; pick another with --port`
        : (error as Error).message
    console.error(`otpkit-emulator: ${message}`)
    process.exitCode = 1
  }
}

void main(process.argv.slice(2))
