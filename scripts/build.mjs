// `npm run build`: the bot as plain JavaScript in dist/, started with `node dist/bot/main.js`
// (no TypeScript loader at run time). Packages stay in node_modules; only our code is bundled.
//
// The entry points keep their folder depth (dist/bot/…), so paths the code builds from its own
// location still work: the tab's files (../../tab from bot/tab) resolve to the repository's tab/,
// and the fora seed (../data from bot/) to the copy made below in dist/data.
import { cp, rm } from 'node:fs/promises';
import { build } from 'esbuild';

await rm('dist', { recursive: true, force: true });
await build({
  entryPoints: ['bot/main.ts', 'bot/import-fora.ts'],
  outbase: '.',
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
await cp('data/fora', 'dist/data/fora', { recursive: true });
console.log('built dist/bot/main.js and dist/bot/import-fora.js');
