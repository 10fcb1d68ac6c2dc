// The machine and the versions a run measured, for the report's header.
import { readFileSync } from 'node:fs'
import { cpus, loadavg, totalmem, release, type as osType } from 'node:os'
import { join } from 'node:path'
import { packageDir } from './paths'

export interface Machine {
  cpu: string
  cores: number
  memoryGiB: number
  os: string
  node: string
  /** One-minute load average when the run started: other work on the machine skews the timings. */
  loadAverage: number
}

export function describeMachine(): Machine {
  const processors = cpus()
  return {
    cpu: processors[0]?.model.trim() ?? 'unknown',
    cores: processors.length,
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    os: `${osType()} ${release()}`,
    node: process.version,
    loadAverage: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  }
}

/** Installed versions of the packages the report names, read from the bench package's node_modules. */
export function packageVersions(names: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    names.map((name) => {
      try {
        const manifest = JSON.parse(
          readFileSync(join(packageDir, 'node_modules', name, 'package.json'), 'utf8'),
        ) as {
          version?: unknown
        }
        return [name, typeof manifest.version === 'string' ? manifest.version : 'unknown']
      } catch {
        return [name, 'not installed']
      }
    }),
  )
}
