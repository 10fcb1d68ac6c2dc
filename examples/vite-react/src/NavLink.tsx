import type { MouseEvent, ReactNode } from 'react'
import { navigate, routes, useRoute } from './router'
import type { Route } from './router'

export function NavLink({ to, children }: { to: Route; children: ReactNode }) {
  const current = useRoute()
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    // Let the browser handle new-tab and new-window clicks.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    event.preventDefault()
    navigate(to)
  }
  return (
    <a href={routes[to]} onClick={onClick} aria-current={current === to ? 'page' : undefined}>
      {children}
    </a>
  )
}
