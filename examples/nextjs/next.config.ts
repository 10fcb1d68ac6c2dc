import type { NextConfig } from 'next'

const config: NextConfig = {
  // Tests build into a folder of their own, so a developer's `.next` is left alone.
  distDir: process.env.OTPKIT_NEXT_DIST_DIR || '.next',
  // No image optimiser (and so no sharp download); the example has no images anyway.
  images: { unoptimized: true },
  poweredByHeader: false,
}

export default config
