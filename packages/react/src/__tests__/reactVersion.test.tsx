import { version as reactVersion } from 'react'
import { version as reactDomVersion } from 'react-dom'
import { version as serverVersion } from 'react-dom/server'
import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

describe('React version of this project', () => {
  const major = process.env.REACT_MAJOR

  it('runs on the React the project names', () => {
    expect(major === '18' || major === '19').toBe(true)
    expect(reactVersion.split('.')[0]).toBe(major)
    expect(reactDomVersion.split('.')[0]).toBe(major)
    expect(serverVersion.split('.')[0]).toBe(major)
  })

  it('renders through @testing-library/react with that React', () => {
    render(<p>React {reactVersion}</p>)
    expect(screen.getByText(`React ${reactVersion}`)).toBeTruthy()
  })
})
