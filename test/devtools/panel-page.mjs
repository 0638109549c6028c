// Builds the standalone panel page (panel-page.tsx) into dist/panel-page and serves it.
import * as esbuild from 'esbuild';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../support/server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = join(root, 'dist', 'panel-page');

export async function buildPanelPage() {
  await mkdir(out, { recursive: true });
  await esbuild.build({
    entryPoints: { 'panel-page': join(root, 'test/devtools/panel-page.tsx') },
    bundle: true, outdir: out, format: 'iife', target: 'chrome111', logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  await copyFile(join(root, 'panel/panel.css'), join(out, 'panel.css'));
  await writeFile(join(out, 'index.html'), '<!doctype html><meta charset="utf-8"><title>Postscope panel page</title><link rel="stylesheet" href="panel.css"><div id="root"></div><script src="panel-page.js"></script>');
}

/** Builds and serves the page; `url(query)` is the page's address. */
export async function servePanelPage() {
  await buildPanelPage();
  const server = await serve(['dist/panel-page'], ['A']);
  return { url: (query = '') => server.url('A', `/index.html${query}`), close: () => server.close() };
}
