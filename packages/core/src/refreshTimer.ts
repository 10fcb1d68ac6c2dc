// Re-authenticates the session in the background every 3 minutes, only while a session exists and the
// page is visible. A hidden page sends nothing; coming back after the interval refreshes at once.

export const REFRESH_INTERVAL_MS = 3 * 60 * 1000

export interface RefreshTimer {
  /** (Re)starts the countdown; call whenever the server has just confirmed the session. */
  start(): void
  stop(): void
}

function isHidden(): boolean {
  return typeof document !== 'undefined' && document.visibilityState === 'hidden'
}

export function createRefreshTimer(refresh: () => Promise<unknown>): RefreshTimer {
  let timer: ReturnType<typeof setTimeout> | undefined
  let active = false
  let lastStart = 0

  function schedule(): void {
    clearTimeout(timer)
    timer = setTimeout(tick, REFRESH_INTERVAL_MS)
    // In Node a pending refresh must not keep the process alive.
    ;(timer as { unref?: () => void }).unref?.()
  }

  function tick(): void {
    timer = undefined
    if (isHidden()) return schedule()
    lastStart = Date.now()
    // Failures are handled where they happen (the session store clears on session-ending errors);
    // a network blip must not end the session, so the error is dropped here.
    refresh()
      .catch(() => {})
      .finally(() => {
        if (active && timer === undefined) schedule()
      })
  }

  function onVisibilityChange(): void {
    if (active && !isHidden() && Date.now() - lastStart >= REFRESH_INTERVAL_MS) {
      clearTimeout(timer)
      tick()
    }
  }

  return {
    start() {
      if (!active && typeof document !== 'undefined') {
        document.addEventListener('visibilitychange', onVisibilityChange)
      }
      active = true
      lastStart = Date.now()
      schedule()
    },
    stop() {
      if (active && typeof document !== 'undefined') {
        document.removeEventListener('visibilitychange', onVisibilityChange)
      }
      active = false
      clearTimeout(timer)
      timer = undefined
    },
  }
}
