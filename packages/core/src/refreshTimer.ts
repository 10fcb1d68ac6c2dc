// Re-authenticates the session in the background every 3 minutes, only while a session exists and the
// page is visible. A refresh that falls due while the page is hidden waits, and happens as soon as the
// page is visible again; a shorter absence changes nothing.

/** Three minutes, written out: bundlers keep top-level arithmetic even when nothing uses it. */
export const REFRESH_INTERVAL_MS = 180_000

export interface RefreshTimer {
  /**
   * (Re)starts the countdown: REFRESH_INTERVAL_MS whenever the server has just confirmed the session,
   * 0 to ask at once (a session read from storage).
   */
  start(delay: number): void
  stop(): void
}

export function createRefreshTimer(refresh: () => Promise<unknown>): RefreshTimer {
  let timer: ReturnType<typeof setTimeout> | undefined
  let active = false
  /** A refresh fell due while the page was hidden. */
  let due = false
  const hasDocument = () => typeof document !== 'undefined'

  function schedule(delay: number): void {
    clearTimeout(timer)
    timer = setTimeout(tick, delay)
    // In Node a pending refresh must not keep the process alive.
    ;(timer as { unref?: () => void }).unref?.()
  }

  function tick(): void {
    timer = undefined
    due = hasDocument() && document.visibilityState === 'hidden'
    if (due) return
    // Failures are handled where they happen (the session store clears on session-ending errors); a
    // network blip must not end the session, so the schedule goes on. A success restarts it.
    const next = () => active && !timer && schedule(REFRESH_INTERVAL_MS)
    refresh().then(next, next)
  }

  const onVisibilityChange = () => due && tick()

  return {
    start(delay) {
      if (!active && hasDocument()) document.addEventListener('visibilitychange', onVisibilityChange)
      active = true
      due = false
      schedule(delay)
    },
    stop() {
      if (active && hasDocument()) document.removeEventListener('visibilitychange', onVisibilityChange)
      active = false
      clearTimeout(timer)
      timer = undefined
    },
  }
}
