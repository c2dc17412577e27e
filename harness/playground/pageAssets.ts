/**
 * The playground page and the sidebar shim, built from page/ with esbuild when the server
 * starts (as build.mjs builds the sidebars: the HTML with its CSS and script inlined).
 * They are never part of dist/: Apps Script has its own google.script.run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { ROOT } from '../loadBundle';

const PAGE_DIR = join(ROOT, 'harness', 'playground', 'page');

async function bundle(entry: string): Promise<string> {
  const out = await build({
    entryPoints: [join(PAGE_DIR, entry)],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    write: false,
    charset: 'utf8',
    logLevel: 'warning',
  });
  // Safe inside a <script> element.
  return out.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
}

export interface PageAssets {
  /** The whole playground page. */
  page: string;
  /** A <script> element that defines google.script.run / google.script.host. */
  shim: string;
}

let built: Promise<PageAssets> | null = null;

export function pageAssets(): Promise<PageAssets> {
  built ??= (async () => {
    const [main, shim] = await Promise.all([bundle('main.ts'), bundle('shim.ts')]);
    const css = readFileSync(join(PAGE_DIR, 'style.css'), 'utf8');
    // Replacement functions, so `$` sequences in the bundle are not read as patterns.
    const page = readFileSync(join(PAGE_DIR, 'index.html'), 'utf8')
      .replace('<!--BUNDLE_CSS-->', () => `<style>${css}</style>`)
      .replace('<!--BUNDLE_JS-->', () => `<script>${main}</script>`);
    return { page, shim: `<script>${shim}</script>` };
  })();
  return built;
}

/** A sidebar from dist/ with the shim as the first thing its page runs. */
export function withShim(sidebarHtml: string, shim: string): string {
  return /<head[^>]*>/i.test(sidebarHtml) ? sidebarHtml.replace(/<head[^>]*>/i, (h) => h + shim) : shim + sidebarHtml;
}
