/**
 * Runs `task` when the browser is next idle (at the latest after a second), for work that a person does
 * not wait for at first paint. Returns a cancel function. Where requestIdleCallback is missing (Safari,
 * jsdom), a timer stands in.
 */
export function whenIdle(task: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(task, { timeout: 1_000 })
    return () => cancelIdleCallback(handle)
  }
  const timer = setTimeout(task, 0)
  return () => clearTimeout(timer)
}
