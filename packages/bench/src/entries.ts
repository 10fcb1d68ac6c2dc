// The four bundle-cost entries, each written once per SDK under ./entries/<sdk>/.
import { join } from 'node:path'
import { packageDir } from './paths'

export type Sdk = 'otpkit' | 'vendor'
export type EntryId = 'headlessSend' | 'headlessFlow' | 'reactHooks' | 'phoneLogin'

export interface EntrySpec {
  id: EntryId
  letter: 'a' | 'b' | 'c' | 'd'
  label: string
  /** What each SDK imports for this entry, as the report shows it. */
  imports: Record<Sdk, string>
}

export const entrySpecs: readonly EntrySpec[] = [
  {
    id: 'headlessSend',
    letter: 'a',
    label: 'headless client + SMS loginOrCreate',
    imports: {
      otpkit: '`createStytchClient` from @otpkit/core',
      vendor: '`StytchHeadlessClient` from @stytch/vanilla-js/headless',
    },
  },
  {
    id: 'headlessFlow',
    letter: 'b',
    label: 'headless full flow: loginOrCreate + authenticate + session getSync/onChange',
    imports: {
      otpkit: '`createStytchClient` from @otpkit/core',
      vendor: '`StytchHeadlessClient` from @stytch/vanilla-js/headless',
    },
  },
  {
    id: 'reactHooks',
    letter: 'c',
    label: 'React provider + useStytch + useStytchSession (client included)',
    imports: {
      otpkit: '@otpkit/core + `StytchProvider`, `useStytch`, `useStytchSession` from @otpkit/react',
      vendor: '`createStytchClient`, `StytchProvider`, `useStytch`, `useStytchSession` from @stytch/react',
    },
  },
  {
    id: 'phoneLogin',
    letter: 'd',
    label: 'pre-built SMS login',
    imports: {
      otpkit: '`<PhoneLogin>` from @otpkit/react (+ styles.css)',
      vendor: '`<StytchLogin>` from @stytch/react, `products: [otp]`, SMS only',
    },
  },
]

/** Absolute path of an entry file; `.tsx` for the React ones. */
export function entryFile(sdk: Sdk, id: EntryId): string {
  const extension = id === 'reactHooks' || id === 'phoneLogin' ? 'tsx' : 'ts'
  return join(packageDir, 'src', 'entries', sdk, `${id}.${extension}`)
}
