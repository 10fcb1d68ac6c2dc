// react-dom ships a profiling build (production speed, Profiler timings on) without its own types.
declare module 'react-dom/profiling' {
  export * from 'react-dom/client'
}
