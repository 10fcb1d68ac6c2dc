// `pnpm bench` in this package: compile the runner, then run it with the arguments given.
await import('./build.mjs')
const { main } = await import(new URL('../dist/cli.mjs', import.meta.url).href)
await main(process.argv.slice(2))
