// The test page in real headless Chromium against a running herald local: mint, connect, subscribe, send,
// receive; a server-side drop and a page reload, each while notifications are sent, then a resume that replays
// them. Leaves a screenshot in target/browser/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startLocalStack, witness, ROOT } from './local-stack.js';

// Debian's chromium; Playwright never downloads a browser of its own here.
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const SCREENSHOT = path.join(ROOT, 'target/browser/herald-page.png');

let stack;
let browser;

before(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is missing at ${CHROMIUM}: apt-get install -y chromium (the browser test must not be skipped)`);
  }
  stack = await startLocalStack();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
});

after(async () => {
  await browser?.close();
  await stack?.stop();
});

test('the page mints, connects, subscribes, receives, and after a drop resumes: what it missed arrives, marked replayed', async () => {
  const { page, problems } = await openPage();
  await connectAs(page, 'u-browser', 'C-7');
  await sendFromForm(page, 'C-7', 'browser.first', 'b-0');
  await page.waitForSelector('#log li.notification[data-id="b-0"]');

  const missed = ['b-1', 'b-2', 'b-3'];
  await whileAway(page, async () => {
    assert.equal(await stack.dropAll(), 1, 'the page holds exactly one connection');
    await page.waitForSelector('#log li.state:has-text("reconnecting")');
  }, 'u-browser-witness', 'C-7', missed);
  await page.waitForSelector('#log li.resumed[data-target="C-7"]');

  assert.deepEqual(await loggedIds(page), ['b-0', ...missed], 'each once, in the order sent');
  assert.deepEqual(await loggedIds(page, '.replayed'), missed);
  assert.equal(await page.textContent('#log li.resumed[data-target="C-7"]').then((t) => /: complete/.test(t)), true);
  assert.equal(await page.textContent('#count'), '4 notifications (3 replayed)');

  await sendFromForm(page, 'C-7', 'browser.live', 'b-4');
  await page.waitForSelector('#log li.notification[data-id="b-4"]');
  assert.deepEqual(await loggedIds(page, '.replayed'), missed, 'a live one after the resume is not marked');
  assert.deepEqual(problems, []);

  await page.evaluate(() => window.scrollTo(0, 0));
  mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
  await page.screenshot({ path: SCREENSHOT });
  await page.close();
});

test('a reloaded page resumes from sessionStorage: what it missed arrives once, marked, and nothing is shown twice', async () => {
  const { page, problems } = await openPage();
  await connectAs(page, 'u-reload', 'C-8');
  await sendFromForm(page, 'C-8', 'reload.first', 'r-0');
  await page.waitForSelector('#log li.notification[data-id="r-0"]');

  const missed = ['r-1', 'r-2', 'r-3'];
  await whileAway(page, async () => {
    await page.reload();
    await page.waitForSelector('#log li.state:has-text("reloaded")');
  }, 'u-reload-witness', 'C-8', missed);
  await page.waitForSelector('#log li.resumed[data-target="C-8"]');

  assert.deepEqual(await loggedIds(page), missed, 'r-0, replayed again in the margin, was shown before the reload');
  assert.deepEqual(await loggedIds(page, '.replayed'), missed);
  assert.match(await page.textContent('#log li.resumed[data-target="C-8"]'), /: complete/);
  assert.deepEqual(problems, []);
  await page.close();
});

async function openPage() {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(`${stack.http}/`);
  assert.equal(await page.title(), 'Herald · local test client');
  return { page, problems };
}

async function connectAs(page, user, claim) {
  await page.fill('#sub', user);
  await page.fill('#claims', claim);
  await page.click('#mint');
  await page.waitForFunction(() => document.getElementById('token').value.split('.').length === 3);
  await page.click('#connect');
  await page.waitForSelector('#state.badge.open');
  await page.fill('#claim', claim);
  await page.click('#subscribe');
  await page.waitForSelector(`#log li.reply:has-text("subscribed"):has-text("${claim}")`);
}

/**
 * Holds the page's token requests, so it cannot reconnect, while `leave` takes it away and a witness of the claim
 * proves Herald has handled each of `ids`; then lets it back.
 */
async function whileAway(page, leave, witnessUser, claim, ids) {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/dev/token', async (route) => { await held; await route.continue(); });
  try {
    await leave();
    const w = await witness(stack, { user: witnessUser, claims: [claim], subscribeTo: [claim] });
    for (const id of ids) await w.sendAndWait({ claimId: claim, type: 'browser.missed', id });
    w.close();
  } finally {
    release();
  }
  // 'wait': the held requests go on through the handler, which would fail if unroute had already let them go.
  await page.unrouteAll({ behavior: 'wait' });
}

/** The ids of the notifications in the log, oldest first (the log shows the newest at the top). */
function loggedIds(page, extra = '') {
  return page.$$eval(`#log li.notification${extra}`, (items) => items.map((li) => li.dataset.id).reverse());
}

async function sendFromForm(page, claim, type, id) {
  await page.selectOption('#target-kind', 'claimId');
  await page.fill('#target-id', claim);
  await page.fill('#type', type);
  await page.fill('#event-id', id);
  await page.click('#send');
}
