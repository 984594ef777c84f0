// The client's rules against a fake WebSocket and a virtual clock: no network, no real time.
import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { HeraldClient, RecentIds, backoffDelay } from '../herald-client.js';
import { FakeWebSocket, MemoryStorage, VirtualTimers, seededRandom, settle } from './fakes.js';

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
  assert.deepEqual(second.sent, [{ action: 'resume' }, { action: 'subscribe', claimId: 'C-1' }, { action: 'subscribe', claimId: 'C-2' }]);
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
  assert.deepEqual(FakeWebSocket.last().sent.filter((m) => m.action === 'ping'), [{ action: 'ping' }, { action: 'ping' }, { action: 'ping' }]);
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
  assert.deepEqual(fresh.sent, [{ action: 'resume' }, { action: 'subscribe', claimId: 'C-1' }]);
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
  assert.deepEqual(fresh.sent, [{ action: 'resume' }, { action: 'subscribe', claimId: 'C-1' }]);
  assert.equal(FakeWebSocket.made.length, 2);
});

// --- resume -------------------------------------------------------------------------------------------------

const P = (n) => `00017645832${String(n).padStart(5, '0')}-8c3a5e1f00d2b471`;
const claimEvent = (id, claimid, n) => event(id, { userid: undefined, claimid, heraldposition: P(n) });
const userEvent = (id, n) => event(id, { heraldposition: P(n) });

/** A client whose first socket is open, has its user's position and is subscribed to `claims`. */
async function resumable(options = {}, claims = ['C-1']) {
  const c = await connected(options);
  c.resumes = [];
  c.replayed = [];
  c.on('resumed', (r) => c.resumes.push(r));
  c.on('notification', (n, { replayed }) => { if (replayed) c.replayed.push(n.id); });
  const socket = FakeWebSocket.last();
  socket.message({ type: 'resumed', target: 'user', complete: true, replayed: 0, position: P(10) });
  for (const claimId of claims) {
    c.subscribe(claimId);
    socket.message({ type: 'subscribed', claimId, position: P(10) });
  }
  return c;
}

/** Drops the open socket and opens the next one. */
async function reconnect() {
  FakeWebSocket.last().drop(1001, 'Going away');
  await timers.advance(5000);
  const socket = FakeWebSocket.last();
  socket.open();
  return socket;
}

test('each target resumes from the greatest position it saw, from events and replies alike', async () => {
  await resumable({}, ['C-1', 'C-2']);
  const socket = FakeWebSocket.last();
  socket.message(userEvent('u-a', 30));
  socket.message(userEvent('u-b', 20));
  socket.message(claimEvent('c-a', 'C-1', 25));
  socket.message({ type: 'pong' });
  const next = await reconnect();
  assert.deepEqual(next.sent, [
    { action: 'resume', after: P(30) },
    { action: 'subscribe', claimId: 'C-1', after: P(25) },
    { action: 'subscribe', claimId: 'C-2', after: P(10) },
  ]);
});

test('a resume is reported per target; what it replays is marked, what was already shown is not shown again', async () => {
  const c = await resumable();
  const first = FakeWebSocket.last();
  first.message(claimEvent('c-1', 'C-1', 11));
  const socket = await reconnect();
  socket.message({ type: 'subscribed', claimId: 'C-1' });
  socket.message(claimEvent('c-1', 'C-1', 11));
  socket.message(claimEvent('c-2', 'C-1', 12));
  socket.message(userEvent('u-1', 13));
  socket.message({ type: 'resumed', target: 'user', complete: true, replayed: 1, position: P(14) });
  socket.message(claimEvent('c-3', 'C-1', 15));
  socket.message({ type: 'resumed', target: 'claim', claimId: 'C-1', complete: true, replayed: 3, position: P(16) });
  socket.message(claimEvent('c-4', 'C-1', 17));
  assert.deepEqual(c.notifications.map((n) => n.id), ['c-1', 'c-2', 'u-1', 'c-3', 'c-4']);
  assert.deepEqual(c.replayed, ['c-2', 'u-1', 'c-3']);
  assert.deepEqual(c.resumes, [
    { target: 'user', complete: true, replayed: 1 },
    { target: 'claim', claimId: 'C-1', complete: true, replayed: 3 },
  ]);
});

test('an incomplete resume, or one that fails, is reported so the application can refetch; the claim stays', async () => {
  const c = await resumable({}, ['C-1', 'C-2']);
  const socket = await reconnect();
  socket.message({ type: 'resumed', target: 'user', complete: false, replayed: 100, position: P(20) });
  socket.message({ type: 'subscribed', claimId: 'C-1' });
  socket.message({ type: 'error', reason: 'UNAVAILABLE', message: 'try later', target: 'claim', claimId: 'C-1' });
  socket.message({ type: 'subscribed', claimId: 'C-2' });
  socket.message({ type: 'resumed', target: 'claim', claimId: 'C-2', complete: true, replayed: 0, position: P(20) });
  assert.deepEqual(c.resumes, [
    { target: 'user', complete: false, replayed: 100 },
    { target: 'claim', claimId: 'C-1', complete: false, replayed: 0 },
    { target: 'claim', claimId: 'C-2', complete: true, replayed: 0 },
  ]);
  assert.deepEqual(c.subscriptions(), ['C-1', 'C-2'], "a resume's error leaves the subscription be");
});

test('a socket lost in the middle of a replay resumes from before the replay, not from its newest event', async () => {
  await resumable();
  const socket = await reconnect();
  socket.message({ type: 'subscribed', claimId: 'C-1' });
  socket.message(claimEvent('c-1', 'C-1', 11));
  socket.message(claimEvent('live', 'C-1', 40));
  const again = await reconnect();
  assert.deepEqual(again.sent.find((m) => m.claimId === 'C-1'), { action: 'subscribe', claimId: 'C-1', after: P(10) });
  again.message({ type: 'subscribed', claimId: 'C-1' });
  again.message({ type: 'resumed', target: 'claim', claimId: 'C-1', complete: true, replayed: 2, position: P(41) });
  const third = await reconnect();
  assert.deepEqual(third.sent.find((m) => m.claimId === 'C-1'), { action: 'subscribe', claimId: 'C-1', after: P(41) },
    'once answered, the position moves past the replay');
});

test('a rotation resumes every target on the new socket before the old one goes', async () => {
  const c = await resumable({ rotateAfterMs: 1000 });
  const old = FakeWebSocket.last();
  old.message(claimEvent('c-1', 'C-1', 12));
  await timers.advance(1000);
  const fresh = FakeWebSocket.last();
  fresh.open();
  assert.deepEqual(fresh.sent, [{ action: 'resume', after: P(10) }, { action: 'subscribe', claimId: 'C-1', after: P(12) }]);
  fresh.message({ type: 'subscribed', claimId: 'C-1' });
  assert.deepEqual(old.closedWith, { code: 1000, reason: 'replaced' });
  fresh.message(claimEvent('c-1', 'C-1', 12));
  fresh.message(claimEvent('c-2', 'C-1', 13));
  fresh.message({ type: 'resumed', target: 'claim', claimId: 'C-1', complete: true, replayed: 2, position: P(14) });
  fresh.message({ type: 'resumed', target: 'user', complete: true, replayed: 0, position: P(14) });
  assert.deepEqual(c.notifications.map((n) => n.id), ['c-1', 'c-2']);
  assert.deepEqual(c.replayed, ['c-2']);
  assert.deepEqual(c.resumes.map((r) => r.complete), [true, true]);
});

test('positions and shown ids persist in storage: a second client on it (a reload) resumes where the first left off', async () => {
  const storage = new MemoryStorage();
  const before = await resumable({ storage });
  FakeWebSocket.last().message(claimEvent('c-1', 'C-1', 21));
  FakeWebSocket.last().message(userEvent('u-1', 22));
  before.close();

  const after = client({ storage });
  const replayed = [];
  after.on('notification', (n, { replayed: flag }) => { if (flag) replayed.push(n.id); });
  after.subscribe('C-1');
  await after.connect();
  const socket = FakeWebSocket.last();
  socket.open();
  assert.deepEqual(socket.sent, [{ action: 'resume', after: P(22) }, { action: 'subscribe', claimId: 'C-1', after: P(21) }]);
  socket.message({ type: 'subscribed', claimId: 'C-1' });
  socket.message(claimEvent('c-1', 'C-1', 21));
  socket.message(claimEvent('c-2', 'C-1', 23));
  assert.deepEqual(after.notifications.map((n) => n.id), ['c-2'], 'c-1 was shown before the reload');
  assert.deepEqual(replayed, ['c-2']);

  const other = client({ storage, storageKey: 'herald:another-user' });
  await other.connect();
  FakeWebSocket.last().open();
  assert.deepEqual(FakeWebSocket.last().sent, [{ action: 'resume' }], 'another key starts afresh');
});

test('unreadable storage starts afresh, and a full one does not break the client', async () => {
  const storage = new MemoryStorage();
  storage.setItem('herald:ws://herald.test/prod', '{not json');
  const c = client({ storage });
  await c.connect();
  FakeWebSocket.last().open();
  assert.deepEqual(FakeWebSocket.last().sent, [{ action: 'resume' }]);
  storage.setItem = () => { throw new Error('QuotaExceededError'); };
  FakeWebSocket.last().message(userEvent('u-1', 30));
  assert.deepEqual(c.notifications.map((n) => n.id), ['u-1']);
});

test('a target heard without a position is reported incomplete after a gap, since nothing can be asked for', async () => {
  const c = await connected();
  c.resumes = [];
  c.on('resumed', (r) => c.resumes.push(r));
  c.subscribe('C-1');
  const socket = await reconnect();
  assert.deepEqual(socket.sent, [{ action: 'resume' }, { action: 'subscribe', claimId: 'C-1' }]);
  socket.message({ type: 'resumed', target: 'user', complete: true, replayed: 0, position: P(10) });
  socket.message({ type: 'subscribed', claimId: 'C-1', position: P(10) });
  assert.deepEqual(c.resumes, [
    { target: 'user', complete: false, replayed: 0 },
    { target: 'claim', claimId: 'C-1', complete: false, replayed: 0 },
  ]);
});

test('a position Herald refuses is forgotten: the client asks again without it and reports the resume incomplete', async () => {
  const c = await resumable();
  const socket = await reconnect();
  socket.message({ type: 'error', reason: 'BAD_POSITION', message: "'after' must be a position" });
  assert.deepEqual(socket.sent.slice(2), [{ action: 'resume' }, { action: 'subscribe', claimId: 'C-1' }]);
  socket.message({ type: 'resumed', target: 'user', complete: true, replayed: 0, position: P(20) });
  socket.message({ type: 'subscribed', claimId: 'C-1', position: P(20) });
  assert.deepEqual(c.resumes.map((r) => r.complete), [false, false]);
  assert.deepEqual(c.subscriptions(), ['C-1']);
});

test('a resume left unanswered is reported incomplete after resumeTimeoutMs, and stops marking events replayed', async () => {
  const c = await resumable({ resumeTimeoutMs: 20_000, pingIntervalMs: 3_600_000 });
  const socket = await reconnect();
  socket.message({ type: 'resumed', target: 'user', complete: true, replayed: 0, position: P(20) });
  socket.message({ type: 'subscribed', claimId: 'C-1' });
  await timers.advance(19_999);
  assert.deepEqual(c.resumes, [{ target: 'user', complete: true, replayed: 0 }]);
  await timers.advance(1);
  assert.deepEqual(c.resumes.at(-1), { target: 'claim', claimId: 'C-1', complete: false, replayed: 0 });
  socket.message(claimEvent('late', 'C-1', 30));
  assert.deepEqual(c.replayed, []);
});

test('an unsubscribed claim is not resumed, and its position is forgotten', async () => {
  const c = await resumable({}, ['C-1', 'C-2']);
  c.unsubscribe('C-2');
  const socket = await reconnect();
  assert.deepEqual(socket.sent, [{ action: 'resume', after: P(10) }, { action: 'subscribe', claimId: 'C-1', after: P(10) }]);
  c.subscribe('C-2');
  assert.deepEqual(socket.sent.at(-1), { action: 'subscribe', claimId: 'C-2' });
});

test('addEventListener sees the same notification with replayed on the event', async () => {
  const c = await resumable();
  const seen = [];
  c.addEventListener('notification', (e) => seen.push([e.detail.id, e.replayed]));
  const socket = await reconnect();
  socket.message(userEvent('u-1', 11));
  socket.message({ type: 'resumed', target: 'user', complete: true, replayed: 1, position: P(12) });
  socket.message(userEvent('u-2', 13));
  assert.deepEqual(seen, [['u-1', true], ['u-2', false]]);
});

test('a claim subscribed while a rotation is under way is asked for on both sockets, so the new one hears it too', async () => {
  const c = await resumable({ rotateAfterMs: 1000 });
  const old = FakeWebSocket.last();
  await timers.advance(1000);
  const fresh = FakeWebSocket.last();
  fresh.open();
  c.subscribe('C-2');
  assert.deepEqual(old.sent.at(-1), { action: 'subscribe', claimId: 'C-2' });
  assert.deepEqual(fresh.sent.at(-1), { action: 'subscribe', claimId: 'C-2' });
});
