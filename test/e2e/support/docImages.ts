import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './install';

/** Where the docs keep their screenshots (docs/screenshots.md lists them). */
export const DOC_IMAGES = join(REPO_ROOT, 'docs', 'images');

/** Copies a screenshot to `docs/images/<name>.png` when asked to (MCP_WARDEN_UPDATE_DOC_IMAGES=1); otherwise does nothing. */
export function keepImage(screenshot: string, name: string): void {
  if (!process.env.MCP_WARDEN_UPDATE_DOC_IMAGES) return;
  mkdirSync(DOC_IMAGES, { recursive: true });
  copyFileSync(screenshot, join(DOC_IMAGES, `${name.replace(/\.png$/, '')}.png`));
}
