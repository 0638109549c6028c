// Builds the extension for Chrome (dist/chrome) and Firefox (dist/firefox) from one code base.
// Usage: node build.mjs [--watch]
import * as esbuild from 'esbuild';
import { mkdir, readFile, writeFile, copyFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const watch = process.argv.includes('--watch');
const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));

const entries = {
  hook: 'content-scripts/hook/index.ts',
  bridge: 'content-scripts/bridge/index.ts',
  background: 'extension/background/index.ts',
  devtools: 'extension/devtools/devtools.ts',
  panel: 'panel/main.tsx',
};
const statics = ['extension/devtools/devtools.html', 'panel/panel.html', 'panel/panel.css', 'extension/icon.png'];

/** Firefox MV3: background scripts instead of a service worker, a gecko id, no Chrome-only keys. */
const firefoxManifest = (m) => {
  const out = structuredClone(m);
  out.background = { scripts: ['background.js'] };
  delete out.minimum_chrome_version;
  // Deep mode needs chrome.debugger, which Firefox does not have.
  delete out.optional_permissions;
  // Postscope sends nothing anywhere: everything it records stays in the browser.
  out.browser_specific_settings = { gecko: { id: 'postscope@postscope.dev', strict_min_version: '128.0', data_collection_permissions: { required: ['none'] } } };
  return out;
};

const targets = [
  { name: 'chrome', manifest: (m) => m },
  { name: 'firefox', manifest: firefoxManifest },
];

const writeStatics = async () => {
  const manifest = JSON.parse(await readFile(join(root, 'manifest.json'), 'utf8'));
  manifest.version = pkg.version;
  for (const t of targets) {
    const out = join(root, 'dist', t.name);
    await mkdir(out, { recursive: true });
    await writeFile(join(out, 'manifest.json'), JSON.stringify(t.manifest(manifest), null, 2));
    for (const file of statics) await copyFile(join(root, file), join(out, file.split('/').pop()));
  }
};

const options = (t) => ({
  entryPoints: entries,
  bundle: true,
  outdir: join(root, 'dist', t.name),
  format: 'iife',
  target: t.name === 'chrome' ? 'chrome111' : 'firefox128',
  sourcemap: 'linked',
  // Content scripts are parsed in every frame at document_start: smaller is faster. Wrappers copy
  // their names from the natives they replace, so renamed identifiers never show to the page.
  minify: !process.env.NO_MINIFY,
  legalComments: 'none',
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"', __BROWSER__: JSON.stringify(t.name) },
});

/** The CLI (cli/): one Node module next to the extension it loads; npm packages stay in node_modules. */
const cliOptions = {
  entryPoints: { postscope: 'cli/cli.ts' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outdir: join(root, 'dist', 'cli'),
  outExtension: { '.js': '.mjs' },
  packages: 'external',
  logLevel: 'warning',
};

if (!watch) await rm(join(root, 'dist'), { recursive: true, force: true });
await writeStatics();
if (watch) {
  for (const o of [...targets.map(options), cliOptions]) await (await esbuild.context(o)).watch();
  console.log('watching; rebuilds on change');
} else {
  await Promise.all([...targets.map((t) => esbuild.build(options(t))), esbuild.build(cliOptions)]);
  console.log('built dist/chrome, dist/firefox and dist/cli');
}
