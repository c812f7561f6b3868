import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { repoRoot } from '../../../src/repoRoot.js';

export const SCREENSHOTS = path.join(repoRoot, 'test-output');
export const DESKTOP = { width: 1280, height: 720 };
export const PHONE = { width: 390, height: 844 };

/** Flags that keep Debian's Chromium headless and off the network. */
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-default-apps', '--disable-extensions'];

/** Builds the web app into a fresh folder, so a test never runs a stale build. */
export async function buildWebApp(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'assay-web-dist-'));
  const vite = path.join(repoRoot, 'node_modules/.bin/vite');
  const built = spawnSync(vite, ['build', '--config', 'web/vite.config.ts', '--outDir', dir, '--emptyOutDir', '--logLevel', 'error'], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
  if (built.status !== 0) throw new Error(`vite build failed:\n${built.stdout}\n${built.stderr}`);
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** A browser with a profile of its own, removed on close. */
export async function openBrowser(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = await mkdtemp(path.join(tmpdir(), 'assay-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', headless: true, args: ARGS, viewport: DESKTOP });
  await mkdir(SCREENSHOTS, { recursive: true });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The page's own code runs as strings: this project's TypeScript has no DOM types. */
const AXE_RUN = `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })
  .then((r) => r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')))`;

/** axe-core on the page as it is: no serious or critical violation (WCAG 2 A/AA rules and best practices). */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  // Evaluated, not added as a script tag: the app's CSP forbids inline scripts, rightly.
  if (!(await page.evaluate('typeof axe !== "undefined"'))) await page.evaluate(await axeSource);
  expect(await page.evaluate(AXE_RUN), `accessibility of ${what}`).toEqual([]);
}

/**
 * Checks the page's accessibility in both themes and saves screenshots at 1280×720 and, where
 * the page is meant for phones too, at 390 px wide: `test-output/<name>-{desktop,phone}[-dark].png`.
 */
export async function capture(page: Page, name: string, opts: { phone?: boolean } = {}): Promise<void> {
  const sizes = opts.phone ? [['desktop', DESKTOP], ['phone', PHONE]] as const : [['desktop', DESKTOP]] as const;
  for (const theme of ['light', 'dark'] as const) {
    // Through the app's own toggle, so every part (the editors too) follows the theme.
    const toggle = page.getByRole('button', { name: `Switch to the ${theme} theme` });
    if (await toggle.count()) await toggle.click();
    for (const [label, size] of sizes) {
      await page.setViewportSize(size);
      await expectAccessible(page, `${name} (${theme}, ${label})`);
      await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${label}${theme === 'dark' ? '-dark' : ''}.png`), fullPage: label === 'phone' });
    }
  }
  await page.getByRole('button', { name: 'Switch to the light theme' }).click();
  await page.setViewportSize(DESKTOP);
}
