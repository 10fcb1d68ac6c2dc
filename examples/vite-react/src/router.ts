// Two routes need no router library: the path is read from `location` and followed through `popstate`.
import { useSyncExternalStore } from 'react'

export const routes = {
  component: '/',
  headless: '/headless',
} as const

export type Route = keyof typeof routes

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange)
  return () => window.removeEventListener('popstate', onChange)
}

function currentRoute(): Route {
  return window.location.pathname.replace(/\/+$/, '') === routes.headless ? 'headless' : 'component'
}

export function useRoute(): Route {
  return useSyncExternalStore(subscribe, currentRoute, () => 'component')
}

export function navigate(route: Route): void {
  if (currentRoute() === route) return
  window.history.pushState(null, '', routes[route])
  // pushState fires no event of its own; reuse popstate so every subscriber re-reads the path.
  window.dispatchEvent(new PopStateEvent('popstate'))
}
