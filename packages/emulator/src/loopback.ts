export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase()
  return bare === 'localhost' || bare === '::1' || /^127(\.\d{1,3}){3}$/.test(bare)
}

/**
 * The emulator is a development tool: it binds a non-loopback interface only when the host was
 * given explicitly (a `--host` flag, or the `host` option), never from a default or the environment.
 */
export function assertLoopback(host: string, explicit: boolean): void {
  if (!explicit && !isLoopbackHost(host)) {
    throw new Error(
      `Refusing to bind ${host}: the emulator is a development tool. Pass --host ${host} explicitly to expose it.`,
    )
  }
}
