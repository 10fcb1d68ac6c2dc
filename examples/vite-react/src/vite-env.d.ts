/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_STYTCH_PUBLIC_TOKEN?: string
  readonly VITE_STYTCH_BASE_URL?: string
}
