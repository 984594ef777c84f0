// The client's rules against a fake WebSocket and a virtual clock: no network, no real time.
import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { HeraldClient, RecentIds, backoffDelay } from '../herald-client.js';
import { FakeWebSocket, VirtualTimers, seededRandom, settle } from './fakes.js';

let timers;
let tokens;

beforeEach(() => {
  FakeWebSocket.made = [];
  timers = new VirtualTimers();
  tokens = 0;
});

function client(options = {}) {
  const made = new HeraldClient({
    url: 'ws://herald.test/prod',
    getToken: async () => `token-${++tokens}`,
    WebSocket: FakeWebSocket,
    timers,
    network: null,
    baseDelayMs: 100,
    maxDelayMs: 5000,
    pingIntervalMs: 60_000,
    rotateAfterMs: 3_600_000,
    ...options,
  });
  made.states = [];
  made.notifications = [];
  made.on('state', (change) => made.states.push(change));
  made.on('notification', (event) => made.notifications.push(event));
  return made;
}

async function connected(options) {
  const c = client(options);
  await c.connect();
  FakeWebSocket.last().open();
  return c;
}

const event = (id, extra = {}) => ({ specversion: '1.0', id, type: 't', source: 's', userid: 'u1', data: {}, ...extra });

test('backoff delays stay between 0 and min(cap, base * 2^(attempt-1)), full jitter', () => {
  const bounds = { baseDelayMs: 100, maxDelayMs: 5000 };
  const random = seededRandom(42);
  for (let attempt = 1; attempt <= 40; attempt++) {
    const ceiling = Math.min(5000, 100 * 2 ** (attempt - 1));
    for (let sample = 0; sample < 200; sample++) {
      const delay = backoffDelay(attempt, bounds, random);
      assert.ok(delay >= 0 && delay <= ceiling, `attempt ${attempt}: ${delay} outside [0, ${ceiling}]`);
    }
  }
  assert.equal(backoffDelay(3, bounds, () => 0), 0, 'full jitter reaches down to zero');
  assert.equal(backoffDelay(3, bounds, () => 0.999999), 399);
  assert.equal(backoffDelay(30, bounds, () => 0.999999), 4999, 'the cap holds however many attempts');
});

test('connects with the token as a subprotocol, never in the URL', async () => {
  const c = client();
  await c.connect();
  const socket = FakeWebSocket.last();
  assert.deepEqual(socket.protocols, ['herald', 'token-1']);
  assert.equal(socket.url, 'ws://herald.test/prod');
  socket.open();
  assert.equal(c.state, 'open');
});

test('a client that never gets through retries with bounded jittered delays, then gives up', async () => {
  const c = client({ maxAttempts: 8, random: seededRandom(7) });
  await c.connect();
  for (let attempt = 1; attempt <= 9; attempt++) {
    FakeWebSocket.last().drop(1006);
    await timers.advance(10_000);
  }
  const waits = c.states.filter((s) => s.state === 'reconnecting');
  assert.equal(waits.length, 8);
  waits.forEach((s, i) => {
    assert.equal(s.attempt, i + 1);
    assert.ok(s.delayMs >= 0 && s.delayMs <= Math.min(5000, 100 * 2 ** i), `attempt ${i + 1}: ${s.delayMs}`);
  });
  assert.equal(c.state, 'closed');
  assert.match(c.states.at(-1).reason, /gave up after 8 attempts/);
  assert.equal(FakeWebSocket.made.length, 9, 'the first try and eight retries');
  assert.deepEqual(FakeWebSocket.made.map((s) => s.protocols[1]), Array.from({ length: 9 }, (_, i) => `token-${i + 1}`),
    'a fresh token for every attempt');
});

test('after a drop it reconnects with a fresh token and subscribes again', async () => {
  const c = await connected();
  c.subscribe('C-1');
  c.subscribe('C-2');
  FakeWebSocket.last().drop(1001, 'Going away');
  assert.equal(c.state, 'reconnecting');
  await timers.advance(5000);
  const second = FakeWebSocket.last();
  assert.equal(FakeWebSocket.made.length, 2);
  assert.deepEqual(second.protocols, ['herald', 'token-2']);
  second.open();
  assert.equal(c.state, 'open');
  assert.equal(c.states.at(-1).attempt, 0);
  assert.deepEqual(second.sent, [{ action: 'subscribe', claimId: 'C-1' }, { action: 'subscribe', claimId: 'C-2' }]);
});

test('a token callback that fails counts as a failed attempt', async () => {
  let calls = 0;
  const c = client({ getToken: async () => { if (++calls === 1) throw new Error('auth down'); return 'ok'; } });
  await c.connect();
  assert.equal(c.state, 'reconnecting');
  assert.match(c.states.at(-1).reason, /auth down/);
  await timers.advance(5000);
  FakeWebSocket.last().open();
  assert.equal(c.state, 'open');
});

test('drops a notification whose id it has seen; remembers a bounded number of ids', async () => {
  const c = await connected();
  const socket = FakeWebSocket.last();
  socket.message(event('n-1'));
  socket.message(event('n-1'));
  socket.message(event('n-2'));
  assert.deepEqual(c.notifications.map((n) => n.id), ['n-1', 'n-2']);
  const recent = new RecentIds(2);
  assert.equal(recent.add('a'), true);
  assert.equal(recent.add('b'), true);
  assert.equal(recent.add('a'), false);
  assert.equal(recent.add('c'), true);
  assert.equal(recent.ids.size, 2);
  assert.equal(recent.add('a'), true, 'the oldest id was forgotten');
});

test('replies are events of their own; a refused claim is not subscribed again', async () => {
  const c = await connected();
  const replies = [];
  c.on('reply', (r) => replies.push(r));
  c.subscribe('C-9');
  FakeWebSocket.last().message({ type: 'error', reason: 'NOT_ENTITLED', message: 'no', claimId: 'C-9' });
  assert.equal(replies[0].reason, 'NOT_ENTITLED');
  assert.deepEqual(c.subscriptions(), []);
  assert.equal(c.notifications.length, 0);
});

test('pings on the configured interval', async () => {
  await connected({ pingIntervalMs: 1000 });
  await timers.advance(3000);
  assert.deepEqual(FakeWebSocket.last().sent, [{ action: 'ping' }, { action: 'ping' }, { action: 'ping' }]);
});

test('close() stops for good: no reconnect, no timers left', async () => {
  const c = await connected();
  FakeWebSocket.last().drop();
  assert.equal(c.state, 'reconnecting');
  c.close();
  await timers.advance(3_600_000);
  assert.equal(FakeWebSocket.made.length, 1);
  assert.equal(c.state, 'closed');
  assert.equal(timers.pending(), 0);

  const open = await connected();
  const socket = FakeWebSocket.last();
  open.close();
  assert.deepEqual(socket.closedWith, { code: 1000, reason: 'client closed' });
  await timers.advance(3_600_000);
  assert.equal(FakeWebSocket.made.length, 2);
});

test('the online event reconnects at once instead of waiting out the backoff', async () => {
  const network = new EventTarget();
  const c = client({ network, baseDelayMs: 60_000, maxDelayMs: 60_000, random: () => 0.99 });
  await c.connect();
  FakeWebSocket.last().open();
  FakeWebSocket.last().drop();
  assert.equal(FakeWebSocket.made.length, 1);
  network.dispatchEvent(new Event('online'));
  await settle();
  assert.equal(FakeWebSocket.made.length, 2);
  FakeWebSocket.last().open();
  assert.equal(c.state, 'open');
});

test('rotation before the 2-hour limit opens the new socket first and loses nothing in the switch', async () => {
  const c = await connected({ rotateAfterMs: 6_900_000 });
  c.subscribe('C-1');
  const old = FakeWebSocket.last();
  await timers.advance(6_900_000);
  const fresh = FakeWebSocket.last();
  assert.notEqual(fresh, old, 'a second socket is opening');
  assert.deepEqual(fresh.protocols, ['herald', 'token-2']);
  old.message(event('during-handshake', { claimid: 'C-1' }));
  fresh.open();
  assert.deepEqual(fresh.sent, [{ action: 'subscribe', claimId: 'C-1' }]);
  assert.equal(old.closedWith, null, 'the old socket stays until the new one hears C-1');
  old.message(event('overlap', { claimid: 'C-1' }));
  fresh.message(event('overlap', { claimid: 'C-1' }));
  fresh.message({ type: 'subscribed', claimId: 'C-1' });
  assert.deepEqual(old.closedWith, { code: 1000, reason: 'replaced' });
  fresh.message(event('after', { claimid: 'C-1' }));
  assert.deepEqual(c.notifications.map((n) => n.id), ['during-handshake', 'overlap', 'after']);
  assert.equal(c.state, 'open');
  assert.ok(!c.states.some((s) => s.state === 'reconnecting'), 'a rotation is not a reconnect');
  await timers.advance(6_899_000);
  assert.equal(FakeWebSocket.made.length, 2, 'the next rotation is due 1 h 55 min after the switch');
});

test('if the old socket drops mid-rotation, the new one takes over', async () => {
  const c = await connected({ rotateAfterMs: 1000 });
  c.subscribe('C-1');
  const old = FakeWebSocket.last();
  await timers.advance(1000);
  const fresh = FakeWebSocket.last();
  old.drop(1001, 'Going away');
  fresh.open();
  assert.equal(c.state, 'open');
  assert.deepEqual(fresh.sent, [{ action: 'subscribe', claimId: 'C-1' }]);
  assert.equal(FakeWebSocket.made.length, 2);
});
