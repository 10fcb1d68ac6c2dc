// The baseline: the same React rendering a plain labelled phone field, so that React's own cost is
// measured once and each login's cost is what it adds.
import { useState } from 'react'
import { createRoot } from 'react-dom/client'

function PhoneField() {
  const [value, setValue] = useState('')
  return (
    <form>
      <label htmlFor="phone">Phone number</label>
      <input
        id="phone"
        type="tel"
        autoComplete="tel"
        value={value}
        onChange={(e) => setValue(e.target.value)}
      />
    </form>
  )
}

createRoot(document.getElementById('root') as HTMLElement).render(<PhoneField />)
