// wawoff2 (Google's woff2 in WebAssembly) ships no types.
declare module 'wawoff2/decompress.js' {
  /** A WOFF2 font unpacked to TrueType. */
  export default function decompress(woff2: Uint8Array): Promise<Uint8Array>
}
