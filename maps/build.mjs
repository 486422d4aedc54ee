// Bundles the viewer into dist/: index.html and assets/app.js + assets/app.css (OpenLayers and all
// other code included, nothing loaded from a CDN). `node build.mjs --watch` rebuilds on change.
// `node build.mjs --test-hook` bundles the test build into dist-test/ instead: the same viewer with the browser
// tests' hook (src/testing/), whose app.js the tests put in place of the served one; dist/ never holds the hook.
import * as esbuild from 'esbuild';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const testHook = process.argv.includes('--test-hook');
const dist = path.join(here, testHook ? 'dist-test' : 'dist');
const watch = process.argv.includes('--watch');

await rm(dist, { recursive: true, force: true });
await mkdir(path.join(dist, 'assets'), { recursive: true });
await copyFile(path.join(here, 'src', 'index.html'), path.join(dist, 'index.html'));

const options = {
  entryPoints: { app: path.join(here, 'src', testHook ? 'testing/entry.js' : 'main.js') },
  outdir: path.join(dist, 'assets'),
  bundle: true,
  format: 'esm',
  target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
  minify: !watch,
  // Source maps only while developing: the served viewer gives away no more of its sources than it must.
  sourcemap: watch,
  legalComments: 'linked',
  logLevel: 'info',
  metafile: true,
};

if (watch) {
  const ctx = await esbuild.context(options);
  await ctx.watch();
} else {
  const result = await esbuild.build(options);
  const bytes = Object.entries(result.metafile.outputs)
    .filter(([f]) => !f.endsWith('.map'))
    .map(([f, o]) => `${path.relative(here, f)} ${(o.bytes / 1024).toFixed(0)} KiB`);
  console.log(`built dist/: ${bytes.join(', ')}`);
}
