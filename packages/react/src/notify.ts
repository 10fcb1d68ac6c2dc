// Every React update that does not start from a React event (store notifications, finished requests,
// timers, WebOTP) goes through notify(). Apps' tests route it through act():
//   setNotifyFunction((fn) => act(fn))
// so no act() warning is printed; in an app it just calls fn.

type NotifyFunction = (fn: () => void) => void

let notifyFunction: NotifyFunction = (fn) => fn()

export function notify(fn: () => void): void {
  notifyFunction(fn)
}

/** Replaces how updates are delivered; for tests (`(fn) => act(fn)`). */
export function setNotifyFunction(fn: NotifyFunction): void {
  notifyFunction = fn
}
