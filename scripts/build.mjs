// Bundles the extension and the CLI with esbuild. `--watch` rebuilds on change; `--production` minifies.
import * as esbuild from 'esbuild';
import { readFileSync, chmodSync } from 'fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  // es2022, not a node version: esbuild rewrites \p{…} regex literals into `new RegExp()` calls for node
  // targets, which rebuilds the regex on every call inside a function (about 13% of the analysis time).
  target: 'es2022',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  define: { __VERSION__: JSON.stringify(pkg.version) },
};

/**
 * In the extension, the engine and its lexicons live in dist/engine.js, which src/vscode/engine.ts loads on first
 * use: activation then parses only the editor code, and the extension host and the analysis worker share one copy.
 */
const engineOnDemand = {
  name: 'engine-on-demand',
  setup(build) {
    build.onResolve({ filter: /\/core\/analyze$/ }, (args) =>
      args.importer.endsWith('engine.ts') ? { path: './engine.js', external: true } : undefined,
    );
  },
};

const targets = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], plugins: [engineOnDemand] },
  { ...common, entryPoints: ['src/vscode/analysisWorker.ts'], outfile: 'dist/analysisWorker.js', plugins: [engineOnDemand] },
  { ...common, entryPoints: ['src/core/analyze.ts'], outfile: 'dist/engine.js' },
  { ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js' },
];

if (watch) {
  for (const t of targets) await (await esbuild.context(t)).watch();
  console.log('esbuild: watching');
} else {
  await Promise.all(targets.map((t) => esbuild.build(t)));
  chmodSync('dist/cli.js', 0o755);
}
