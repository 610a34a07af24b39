import type { Page } from 'playwright-core';

/** Opens a quick input with `key`, types `text`, waits until its first row `accept`s, then presses Enter. */
async function quickInput(page: Page, key: string, text: string, accept: (label: string) => boolean): Promise<void> {
  await page.keyboard.press(key);
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(text);
  const firstRow = page.locator('.quick-input-widget .monaco-list-row').first();
  const deadline = Date.now() + 15_000;
  let label = '';
  while (Date.now() < deadline) {
    label = (await firstRow.getAttribute('aria-label', { timeout: 1000 }).catch(() => null)) ?? '';
    if (accept(label)) break;
    await page.waitForTimeout(100);
  }
  if (!accept(label)) {
    await page.keyboard.press('Escape');
    throw new Error(`Quick input (${key}) found no entry for "${text}"; first row: "${label}"`);
  }
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: 10_000 });
}

/** Quick Open (Ctrl+P) on a workspace-relative path; waits until it is the active editor (window title is the path). */
export async function quickOpen(page: Page, relPath: string): Promise<void> {
  const slash = relPath.lastIndexOf('/');
  const [dir, base] = [relPath.slice(0, Math.max(slash, 0)), relPath.slice(slash + 1)];
  // A file row's label is "<name> <folder>, file results"; with several mcp.json files only the folder tells them apart.
  const wanted = dir === '' ? base : `${base} ${dir}`;
  await quickInput(page, 'Control+P', relPath, (label) => label.split(',')[0]!.trim() === wanted);
  const opened = await page
    .waitForFunction((want) => document.title.startsWith(want), relPath, { timeout: 15_000 })
    .then(
      () => true,
      () => false,
    );
  if (!opened) throw new Error(`Quick Open did not open ${relPath} (window title: "${await page.title()}")`);
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().waitFor({ timeout: 15_000 });
}

/** Command Palette (F1): runs the command whose title is `commandTitle`. */
export async function runFromPalette(page: Page, commandTitle: string): Promise<void> {
  await quickInput(page, 'F1', `>${commandTitle}`, (label) => label.includes(commandTitle));
}

/**
 * Moves the mouse onto the first squiggle of `severity` in the active editor and waits for a hover holding
 * `containing`; returns the hover's text. Squiggles lie under the text layer, so the mouse goes to their position.
 */
export async function hoverSquiggle(page: Page, severity: 'error' | 'warning' | 'info', containing: string): Promise<string> {
  const squiggle = page.locator(`.editor-group-container.active .monaco-editor .squiggly-${severity}`).first();
  await squiggle.waitFor({ state: 'attached', timeout: 15_000 });
  const box = await squiggle.boundingBox();
  if (!box) throw new Error(`The ${severity} squiggle has no position on screen`);
  await page.mouse.move(box.x + Math.min(box.width / 2, 20), box.y + box.height / 2 - 4, { steps: 5 });
  const hover = page.locator('.monaco-hover:not(.hidden)').filter({ hasText: containing }).first();
  const shown = await hover.waitFor({ state: 'visible', timeout: 10_000 }).then(
    () => true,
    () => false,
  );
  if (!shown) {
    const seen = (await page.locator('.monaco-hover').allInnerTexts()).join('\n---\n');
    throw new Error(`No hover containing "${containing}" appeared over the ${severity} squiggle; hovers seen: ${seen || 'none'}`);
  }
  return hover.innerText();
}
