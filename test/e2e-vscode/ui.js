// The real-VS-Code test: code-server's workbench in headless Debian chromium, driven by
// playwright-core, with the packaged PHI Guard .vsix installed and the telehealth example open.
// Checks the PHI squiggle and its message, the hover with the flow path, the quick fix (file
// changed, diagnostic gone), the restart of a killed server (EXT_DIR set), the status bar item
// and the inventory command. Screenshots go to
// $SHOTS. Every wait is on a condition, never a fixed sleep. Exit code 0 = all checks passed.
//
// Env: CS_URL, WORKSPACE (folder opened), FILE (relative to it), LINE (1-based) and NEEDLE (text
// on that line where the finding is), EXPECT (message substring), QUICKFIX (action title),
// QUICKFIX_RESULT (text expected after the fix), SHOTS, TIMEOUT_MS, CHROMIUM.
'use strict';
const { chromium } = require('playwright-core');
const fs = require('fs');
const os = require('os');
const path = require('path');

const CS_URL = process.env.CS_URL || 'http://127.0.0.1:8100';
const WORKSPACE = process.env.WORKSPACE;
const FILE = process.env.FILE || 'src/features/chartSummary.ts';
const NEEDLE = process.env.NEEDLE || 'patient.fullName';
const EXPECT = process.env.EXPECT || 'PHI Patient.fullName reaches OpenAI';
const QUICKFIX = process.env.QUICKFIX || 'Wrap in redact()';
const QUICKFIX_RESULT = process.env.QUICKFIX_RESULT || 'redact(patient.fullName)';
const SHOTS = process.env.SHOTS || path.join(os.tmpdir(), 'phi-guard-e2e-shots');
const TIMEOUT = +(process.env.TIMEOUT_MS || 90000);
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const EXT_DIR = process.env.EXT_DIR;

/** Pids of the PHI Guard language server that the extension in EXT_DIR started. */
const serverPids = () =>
  fs.readdirSync('/proc').filter((pid) => {
    if (!/^\d+$/.test(pid)) return false;
    try {
      const argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      return argv.some((a) => a.startsWith(EXT_DIR) && a.endsWith(path.join('dist', 'server.js')));
    } catch {
      return false;
    }
  });

const t0 = Date.now();
const mark = (what) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${what}`);
let failures = 0;
const check = (ok, what) => {
  console.log(`${ok ? 'PASS' : 'FAIL'}: ${what}`);
  if (!ok) failures++;
};

const sourceLines = fs.readFileSync(path.join(WORKSPACE, FILE), 'utf8').split('\n');
const LINE = +(process.env.LINE || sourceLines.findIndex((l) => l.includes(NEEDLE)) + 1);
if (LINE < 1) throw new Error(`"${NEEDLE}" not found in ${FILE}`);
const COLUMN = sourceLines[LINE - 1].indexOf(NEEDLE) + 1 + Math.floor(NEEDLE.length / 2);

(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-chromium-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    viewport: { width: 1500, height: 950 },
  });
  const page = ctx.pages()[0] || (await ctx.newPage());
  page.setDefaultTimeout(TIMEOUT);
  const consoleLines = [];
  page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
  const shot = async (name) => {
    await page.screenshot({ path: path.join(SHOTS, name) });
    mark(`screenshot ${name}`);
  };
  const problemRows = () =>
    page.locator('.markers-panel .monaco-list-row').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') || e.innerText));
  // Text of every visible editor (the active one among them).
  const EDITORS_TEXT = () => [...document.querySelectorAll('.editor-instance .monaco-editor .view-lines')].map((e) => e.innerText.replace(/\u00a0/g, ' ')).join('\n');
  const editorText = () => page.evaluate(EDITORS_TEXT);
  const waitForEditorText = (needle) => page.waitForFunction(([fn, n]) => new Function(`return (${fn})()`)().includes(n), [EDITORS_TEXT.toString(), needle]);
  const runCommand = async (title) => {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`>${title}`);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
    await page.keyboard.press('Enter');
  };
  const goTo = async (line, column) => {
    await page.keyboard.press('Control+G');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`:${line}:${column}`);
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  };

  try {
    await page.goto(`${CS_URL}/?folder=${encodeURIComponent(WORKSPACE)}`);
    await page.waitForSelector('.monaco-workbench');
    mark('workbench rendered');

    // Open the file through the explorer, one folder at a time (Quick Open + Enter can race).
    const segments = FILE.split('/');
    for (const [i, name] of segments.entries()) {
      const row = page.locator('.explorer-folders-view').getByRole('treeitem', { name, exact: true }).first();
      await row.waitFor();
      if (i < segments.length - 1 && (await row.getAttribute('aria-expanded')) === 'true') continue;
      await row.click();
    }
    await waitForEditorText(NEEDLE);
    mark(`editor shows ${FILE}`);

    await page.waitForSelector('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning');
    mark('first squiggle visible');

    // The Problems panel lists the finding with its message.
    await page.keyboard.press('Control+Shift+M');
    await page.waitForSelector('.markers-panel .monaco-list-row');
    let rows = [];
    for (const deadline = Date.now() + TIMEOUT; Date.now() < deadline; await page.waitForTimeout(250)) {
      rows = await problemRows();
      if (rows.some((r) => r.includes(EXPECT))) break;
    }
    const before = rows.filter((r) => r.includes(EXPECT)).length;
    mark(`problems: ${JSON.stringify(rows.slice(0, 8))}${rows.length > 8 ? ` (+${rows.length - 8})` : ''}`);
    check(before > 0, `Problems panel shows "${EXPECT}"`);
    const status = page.locator('.statusbar-item', { hasText: 'PHI Guard:' }).first();
    await status.waitFor();
    const statusText = await status.innerText();
    check(/PHI Guard: [1-9]\d*/.test(statusText), `status bar item shows the findings count ("${statusText.trim()}")`);
    await shot('01-problems.png');

    // Hover at the PHI expression: the diagnostic with its flow path, and PHI Guard's own hover.
    await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await goTo(LINE, COLUMN);
    const hover = page.locator('.monaco-hover:visible').first();
    let hoverText = '';
    // The marker part renders first; PHI Guard's own hover ("carries PHI ...") follows.
    for (let attempt = 1; attempt <= 5 && !(hoverText.includes(EXPECT) && hoverText.includes('carries PHI')); attempt++) {
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+I');
      await hover.waitFor({ timeout: 10000 }).catch(() => {});
      await page.waitForFunction(() => document.querySelector('.monaco-hover:not(.hidden)')?.innerText.length > 0, null, { timeout: 10000 }).catch(() => {});
      await page.waitForFunction(() => /carries PHI/.test(document.querySelector('.monaco-hover:not(.hidden)')?.innerText ?? ''), null, { timeout: 5000 }).catch(() => {});
      hoverText = (await hover.innerText().catch(() => '')) || '';
    }
    mark(`hover: ${JSON.stringify(hoverText.slice(0, 600))}`);
    check(hoverText.includes(EXPECT) && hoverText.includes('no-phi-in-prompt'), 'hover shows the diagnostic message and its rule id');
    check(/PHI source: Patient\.fullName/.test(hoverText) && /LLM call: .*chat\.completions\.create/.test(hoverText), 'hover shows the flow path (PHI source ... LLM call)');
    check(/carries PHI Patient\.fullName/.test(hoverText), "hover shows PHI Guard's explanation of the expression");
    await shot('02-hover.png');
    await page.keyboard.press('Escape');

    // Quick fix at the cursor: the preferred "Wrap in redact()".
    const item = page.locator('.action-widget .monaco-list-row.action', { hasText: QUICKFIX }).first();
    for (let attempt = 1; ; attempt++) {
      await page.keyboard.press('Control+.');
      try {
        await item.waitFor({ timeout: 5000 });
        break;
      } catch (e) {
        if (attempt >= 6) throw e;
        mark(`quick fix "${QUICKFIX}" not offered yet (attempt ${attempt}), retrying`);
        await page.keyboard.press('Escape');
        await page.waitForTimeout(1000);
      }
    }
    const offered = await page.locator('.action-widget .monaco-list-row.action').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    mark(`quick fixes offered: ${JSON.stringify(offered)}`);
    check(offered.some((o) => (o || '').startsWith('Add "openai" to approvedVendors')), 'offers adding the vendor to approvedVendors');
    check(offered.some((o) => (o || '').startsWith('Suppress phi-guard/no-phi-in-prompt')), 'offers an eslint-disable-next-line suppression');
    await shot('03-quickfix-menu.png');
    for (let i = 0; i < offered.length; i++) {
      const focused = await page.locator('.action-widget .monaco-list-row.focused').getAttribute('aria-label').catch(() => null);
      if ((focused || '').startsWith(QUICKFIX)) break;
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    await waitForEditorText(QUICKFIX_RESULT);
    check((await editorText()).includes(QUICKFIX_RESULT), `quick fix applied: the file now contains "${QUICKFIX_RESULT}"`);

    // The diagnostic goes away (the server re-analyzes the edited document).
    let after = before;
    for (const deadline = Date.now() + TIMEOUT; Date.now() < deadline; await page.waitForTimeout(250)) {
      after = (await problemRows()).filter((r) => r.includes(EXPECT)).length;
      if (after < before) break;
    }
    check(after < before, `the diagnostic is gone from the Problems panel (${before} -> ${after})`);
    await page.mouse.move(5, 5);
    await shot('04-after-quickfix.png');

    // A crashed server is restarted by the client: SIGKILL it, wait for the new process, undo the
    // fix; the diagnostic comes back, so it was published by the new server.
    if (EXT_DIR) {
      const oldPids = serverPids();
      check(oldPids.length === 1, `one language server process runs (${oldPids.join(', ') || 'none'})`);
      for (const pid of oldPids) process.kill(+pid, 'SIGKILL');
      mark(`killed the language server (${oldPids.join(', ')})`);
      let newPids = [];
      for (const deadline = Date.now() + TIMEOUT; Date.now() < deadline; await page.waitForTimeout(250)) {
        newPids = serverPids().filter((pid) => !oldPids.includes(pid));
        if (newPids.length > 0) break;
      }
      check(newPids.length === 1, `the client restarted the killed server (new process ${newPids.join(', ') || 'none'})`);
      await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
      for (let attempt = 1; attempt <= 5 && (await editorText()).includes(QUICKFIX_RESULT); attempt++) {
        await page.keyboard.press('Control+Z');
        await page.waitForFunction(([fn, n]) => !new Function(`return (${fn})()`)().includes(n), [EDITORS_TEXT.toString(), QUICKFIX_RESULT], { timeout: 5000 }).catch(() => {});
      }
      check(!(await editorText()).includes(QUICKFIX_RESULT), 'undo reverted the quick fix');
      let back = 0;
      for (const deadline = Date.now() + TIMEOUT; Date.now() < deadline; await page.waitForTimeout(250)) {
        back = (await problemRows()).filter((r) => r.includes(EXPECT)).length;
        if (back >= before) break;
      }
      check(back >= before, `after the restart the new server reports "${EXPECT}" again (${back})`);
      await page.mouse.move(5, 5);
      await shot('05-after-restart.png');
    }

    // The inventory command renders every LLM call site.
    await runCommand('PHI Guard: Show LLM Call Inventory');
    await waitForEditorText('LLM call inventory');
    const inventory = await editorText();
    check(/\d+ LLM call sites? in \d+ analyzed files/.test(inventory) && inventory.includes('chat.completions.create'), 'inventory command lists the call sites');
    await shot('06-inventory.png');
  } catch (e) {
    failures++;
    console.log(`FAIL: ${e.message.split('\n')[0]}`);
    await shot('99-failure.png').catch(() => {});
  } finally {
    fs.writeFileSync(path.join(SHOTS, 'browser-console.log'), consoleLines.join('\n'));
    await ctx.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  mark(failures ? `${failures} failure(s)` : 'all checks passed');
  process.exit(failures ? 1 : 0);
})();
