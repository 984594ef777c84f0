// The test page in real headless Chromium against a running herald local: mint, connect, subscribe, send,
// receive; a server-side drop; reconnect; receive again. Leaves a screenshot in target/browser/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startLocalStack, ROOT } from './local-stack.js';

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

test('the page mints, connects, subscribes, receives, survives a drop and receives again', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(`${stack.http}/`);
  assert.equal(await page.title(), 'Herald · local test client');

  await page.fill('#sub', 'u-browser');
  await page.fill('#claims', 'C-7');
  await page.click('#mint');
  await page.waitForFunction(() => document.getElementById('token').value.split('.').length === 3);

  await page.click('#connect');
  await page.waitForSelector('#state.badge.open');
  await page.fill('#claim', 'C-7');
  await page.click('#subscribe');
  await page.waitForSelector('#log li.reply:has-text("subscribed"):has-text("C-7")');

  await sendFromForm(page, 'C-7', 'browser.first');
  await page.waitForSelector('#log li.notification:has-text("browser.first")');

  assert.equal(await stack.dropAll(), 1, 'the page holds exactly one connection');
  await page.waitForSelector('#log li.state:has-text("reconnecting")');
  await page.waitForFunction(() => document.querySelectorAll('#log li.reply').length >= 2
    && document.getElementById('state').textContent === 'open');

  await sendFromForm(page, 'C-7', 'browser.second');
  await page.waitForSelector('#log li.notification:has-text("browser.second")');
  assert.equal(await page.textContent('#count'), '2 notifications');
  assert.deepEqual(problems, []);

  await page.evaluate(() => window.scrollTo(0, 0));
  mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
  await page.screenshot({ path: SCREENSHOT });
});

async function sendFromForm(page, claim, type) {
  await page.selectOption('#target-kind', 'claimId');
  await page.fill('#target-id', claim);
  await page.fill('#type', type);
  await page.click('#send');
}
