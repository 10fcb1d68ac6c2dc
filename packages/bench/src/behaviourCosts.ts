// What holds entries a and b over their budgets, measured rather than estimated. Each behaviour core
// carries is switched off by bundling with its module swapped for a stand-in that does nothing (see
// ./standIns); the difference is what the behaviour costs. The smallest set of behaviours whose removal
// brings a figure under its budget is what meeting that budget would take.
import type { Plugin } from 'esbuild'
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { sizeBudgets } from './budgets'
import { measureBundle } from './bundleSize'
import { entryFile } from './entries'
import { packageDir } from './paths'

export interface Behaviour {
  label: string
  /** Where the project asks for it. */
  requiredBy: string
  /** Modules of core/src (file names without `.ts`) replaced by the stand-ins of the same name. */
  modules: readonly string[]
  /** Part of keeping a session, so absent from a send-only client anyway. */
  sessionOnly?: true
}

export const behaviours: readonly Behaviour[] = [
  {
    label: 'cross-tab send sharing',
    requiredBy: 'issue 7: two tabs pressing send at once send one SMS',
    modules: ['sendGuard'],
  },
  {
    label: 'client option checks',
    requiredBy: 'the guide: bad input gets a typed error and sends nothing',
    modules: ['clientOptions'],
  },
  {
    label: 'session cookies',
    requiredBy: 'issue 2: `stytch_session` and `stytch_session_jwt` cookies',
    modules: ['cookies'],
    sessionOnly: true,
  },
  {
    label: 'background refresh',
    requiredBy: 'issue 2: re-authenticate every 3 minutes while visible',
    modules: ['refreshTimer'],
    sessionOnly: true,
  },
  {
    label: 'response checks',
    requiredBy: 'the guide: validate what comes back',
    modules: ['schema', 'shapes'],
  },
]

const coreSources = resolve(packageDir, '../core/src')
const standIns = join(packageDir, 'src', 'standIns')

/** The send-only client that no package exports: the most any split of the client could save for a. */
export const sendOnlyEntry = join(standIns, 'sendOnlyEntry.ts')

/** Resolves imports of the given core modules, from core or from the send-only entry, to their stand-ins. */
export function standInPlugin(modules: readonly string[]): Plugin {
  return {
    name: 'otpkit-stand-ins',
    setup(build) {
      build.onResolve({ filter: /^\.{1,2}\// }, ({ path, importer }) => {
        if (importer.startsWith(`${standIns}/`) && importer !== sendOnlyEntry) return undefined
        const target = resolve(dirname(importer), path)
        if (dirname(target) !== coreSources) return undefined
        const name = target.replace(/\.ts$/, '').slice(coreSources.length + 1)
        if (!modules.includes(name)) return undefined
        const standIn = join(standIns, `${name}.ts`)
        if (!existsSync(standIn)) throw new Error(`no stand-in for core/src/${name}.ts`)
        return { path: standIn }
      })
    },
  }
}

/** gzip bytes of `entry` bundled from sources with the given behaviours switched off. */
export async function measureWithout(entry: string, off: readonly Behaviour[]): Promise<number> {
  const modules = off.flatMap((behaviour) => behaviour.modules)
  const bundle = await measureBundle(entry, { fromSources: true, plugins: [standInPlugin(modules)] })
  const bundled = new Set(bundle.inputs.map((input) => resolve(packageDir, input.path)))
  for (const name of modules) {
    // A stand-in may import from the module it replaces (schema's does), so only a module bundled while
    // its stand-in is not means the swap failed.
    if (bundled.has(join(coreSources, `${name}.ts`)) && !bundled.has(join(standIns, `${name}.ts`)))
      throw new Error(`core/src/${name}.ts was bundled instead of its stand-in`)
  }
  return bundle.js.gzip
}

export interface BehaviourCosts {
  label: string
  budget: number
  /** gzip bytes with every behaviour, bundled from sources. */
  whole: number
  /** gzip bytes without each behaviour on its own, in the order of `behaviours`. */
  without: { behaviour: Behaviour; gzip: number }[]
  /** gzip bytes without any of them. */
  withoutAll: number
  /** The fewest behaviours whose removal meets the budget (the smallest result among those), or null. */
  cheapest: { off: Behaviour[]; gzip: number } | null
}

function subsets<T>(items: readonly T[]): T[][] {
  return items.reduce<T[][]>((all, item) => [...all, ...all.map((set) => [...set, item])], [[]])
}

export async function measureBehaviourCosts(
  label: string,
  entry: string,
  budget: number,
  candidates: readonly Behaviour[] = behaviours,
): Promise<BehaviourCosts> {
  const measured: { off: Behaviour[]; gzip: number }[] = []
  for (const off of subsets(candidates)) measured.push({ off, gzip: await measureWithout(entry, off) })
  const key = (set: readonly Behaviour[]) => set.map((behaviour) => behaviour.label).join()
  const size = (set: readonly Behaviour[]) =>
    measured.find(({ off }) => key(off) === key(set))?.gzip ?? Number.NaN
  const meeting = measured
    .filter(({ gzip }) => gzip <= budget)
    .sort((x, y) => x.off.length - y.off.length || x.gzip - y.gzip)
  return {
    label,
    budget,
    whole: size([]),
    without: candidates.map((behaviour) => ({ behaviour, gzip: size([behaviour]) })),
    withoutAll: size(candidates),
    cheapest: meeting[0] ?? null,
  }
}

/** Behaviours a send-only client would carry. */
export const sendBehaviours = behaviours.filter((behaviour) => !behaviour.sessionOnly)

/** The two figures that miss: b as shipped, and a as a send-only client would make it. */
export async function measureMisses(): Promise<BehaviourCosts[]> {
  return [
    await measureBehaviourCosts(
      'b. headless full flow',
      entryFile('otpkit', 'headlessFlow'),
      sizeBudgets.headlessFlow,
    ),
    await measureBehaviourCosts(
      'a. as a send-only client (no session, user or authenticate)',
      sendOnlyEntry,
      sizeBudgets.headlessSend,
      sendBehaviours,
    ),
  ]
}
