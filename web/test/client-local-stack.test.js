// herald-client.js against a real `herald local` (the built jar): real gateway, handlers, queue and Notifier.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { HeraldClient } from '../herald-client.js';
import { startLocalStack, next, witness } from './local-stack.js';

let stack;
const clients = [];

before(async () => {
  stack = await startLocalStack();
});

after(async () => {
  clients.forEach((c) => c.close());
  await stack?.stop();
});

function client(user, claims, options = {}) {
  const made = new HeraldClient({
    url: stack.ws,
    WebSocket,
    getToken: async () => {
      made.tokensAsked += 1;
      await made.away;
      return stack.token(user, claims);
    },
    baseDelayMs: 100,
    maxDelayMs: 1000,
    ...options,
  });
  made.tokensAsked = 0;
  made.heard = [];
  made.replayed = [];
  made.on('notification', (event, { replayed }) => {
    made.heard.push(event);
    if (replayed) made.replayed.push(event.id);
  });
  /** Keeps the client from reconnecting (its token never comes) until the returned function is called. */
  made.hold = () => {
    let release;
    made.away = new Promise((resolve) => { release = resolve; });
    return release;
  };
  clients.push(made);
  return made;
}

async function openClient(user, claims, subscribeTo = []) {
  const c = client(user, claims);
  const opened = next(c, 'state', (s) => s.state === 'open');
  subscribeTo.forEach((claim) => c.subscribe(claim));
  const subscribed = Promise.all(subscribeTo.map((claim) => next(c, 'reply', (r) => r.type === 'subscribed' && r.claimId === claim)));
  await c.connect();
  await opened;
  await subscribed;
  return c;
}

test('connects, subscribes and receives notifications for its claim and its user', async () => {
  const c = await openClient('u-receive', ['C-receive'], ['C-receive']);
  const forClaim = next(c, 'notification', (n) => n.type === 'claim.event');
  await stack.send({ claimId: 'C-receive', type: 'claim.event', data: { step: 1 } });
  const event = await forClaim;
  assert.equal(event.specversion, '1.0');
  assert.equal(event.claimid, 'C-receive');
  assert.deepEqual(event.data, { step: 1 });
  const forUser = next(c, 'notification', (n) => n.type === 'user.event');
  await stack.send({ userId: 'u-receive', type: 'user.event' });
  assert.equal((await forUser).userid, 'u-receive');
  c.close();
});

test('a claim the token does not entitle is refused and not kept', async () => {
  const c = await openClient('u-refused', ['C-mine']);
  const refused = next(c, 'reply', (r) => r.type === 'error');
  c.subscribe('C-not-mine');
  const reply = await refused;
  assert.equal(reply.reason, 'NOT_ENTITLED');
  assert.deepEqual(c.subscriptions(), []);
  c.close();
});

test('after a server-side drop it reconnects with a fresh token, resubscribes and hears the next one', async () => {
  const c = await openClient('u-drop', ['C-drop'], ['C-drop']);
  assert.equal(c.tokensAsked, 1);
  const reconnecting = next(c, 'state', (s) => s.state === 'reconnecting');
  const reopened = next(c, 'state', (s) => s.state === 'open');
  const resubscribed = next(c, 'reply', (r) => r.type === 'subscribed' && r.claimId === 'C-drop');
  assert.ok(await stack.dropAll() >= 1);
  assert.match((await reconnecting).reason, /closed 1000/);
  await reopened;
  await resubscribed;
  assert.equal(c.tokensAsked, 2, 'the callback was asked for a fresh token');
  const after = next(c, 'notification', (n) => n.type === 'after.drop');
  await stack.send({ claimId: 'C-drop', type: 'after.drop' });
  assert.equal((await after).claimid, 'C-drop');
  c.close();
});

test('a notification delivered twice reaches the application once', async () => {
  const c = await openClient('u-dup', []);
  // A plain socket for the same user sees every delivery, so the test knows the duplicate did arrive.
  const raw = new WebSocket(stack.ws, ['herald', await stack.token('u-dup')]);
  const rawIds = [];
  await new Promise((resolve, reject) => { raw.on('open', resolve); raw.on('error', reject); });
  const twiceOnRaw = new Promise((resolve) => raw.on('message', (data) => {
    const message = JSON.parse(String(data));
    if (message.id) rawIds.push(message.id);
    if (rawIds.filter((id) => id === 'dup-1').length === 2) resolve();
  }));
  try {
    await stack.send({ userId: 'u-dup', type: 'dup', id: 'dup-1' });
    await stack.send({ userId: 'u-dup', type: 'dup', id: 'dup-1' });
    await twiceOnRaw;
    const last = next(c, 'notification', (n) => n.id === 'dup-2');
    await stack.send({ userId: 'u-dup', type: 'dup', id: 'dup-2' });
    await last;
    assert.deepEqual(c.heard.map((n) => n.id).filter((id) => id.startsWith('dup-')), ['dup-1', 'dup-2']);
  } finally {
    raw.close();
    c.close();
  }
});

test('close() stops for good: the connection goes and no reconnect follows a drop', async () => {
  const c = await openClient('u-close', []);
  const states = [];
  c.on('state', (s) => states.push(s.state));
  c.close();
  assert.equal(c.state, 'closed');
  for (let i = 0; i < 100 && (await stack.connections()).length > 0; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.deepEqual(await stack.connections(), []);
  assert.deepEqual(states, ['closed']);
  assert.equal(c.tokensAsked, 1);
});

// The cap on one resume per target when RESUME_CAP is not set (domain.HistoryPolicy.DEFAULT). The template on this
// branch does not declare RESUME_CAP, so --env-vars cannot lower it: the test sends one more than the default.
const RESUME_CAP = 100;

/**
 * Drops `c` from the server side and keeps it away while `whileAway` runs; resolves with its next `resumed` event
 * for `target` once it is back.
 */
async function away(c, target, whileAway) {
  const release = c.hold();
  const reconnecting = next(c, 'state', (s) => s.state === 'reconnecting');
  assert.ok(await stack.dropAll() >= 1);
  await reconnecting;
  await whileAway();
  const resumed = next(c, 'resumed', (r) => r.target === target, 120_000);
  release();
  return resumed;
}

test('a claim missed while away is replayed after the reconnect: each of the three once, in order, marked, complete', async () => {
  const c = await openClient('u-resume', ['C-resume'], ['C-resume']);
  const seenBefore = next(c, 'notification', (n) => n.id === 'resume-0');
  await stack.send({ claimId: 'C-resume', type: 'resume.test', id: 'resume-0' });
  await seenBefore;

  const outcome = await away(c, 'claim', async () => {
    const w = await witness(stack, { user: 'u-resume-witness', claims: ['C-resume'], subscribeTo: ['C-resume'] });
    for (const id of ['resume-1', 'resume-2', 'resume-3']) await w.sendAndWait({ claimId: 'C-resume', type: 'resume.test', id });
    w.close();
  });

  assert.equal(outcome.claimId, 'C-resume');
  assert.equal(outcome.complete, true);
  assert.ok(outcome.replayed >= 3, `Herald replayed ${outcome.replayed}, fewer than the three missed`);
  const mine = c.heard.filter((n) => n.id.startsWith('resume-'));
  assert.deepEqual(mine.map((n) => n.id), ['resume-0', 'resume-1', 'resume-2', 'resume-3'],
    'each once (resume-0 again in the replay margin is dropped), in the order sent');
  assert.deepEqual(c.replayed, ['resume-1', 'resume-2', 'resume-3']);
  const positions = mine.map((n) => n.heraldposition);
  assert.deepEqual([...positions].sort(), positions, 'in the order of their positions');
  assert.equal(new Set(positions).size, 4);
  c.close();
});

test("the user's own notifications missed while away are replayed too, and the resume is complete", async () => {
  const c = await openClient('u-resume-user', []);
  const answered = next(c, 'reply', (r) => r.type === 'resumed' && r.target === 'user');
  // The first socket's resume has no position yet; its answer gives one.
  await answered;

  const outcome = await away(c, 'user', async () => {
    const w = await witness(stack, { user: 'u-resume-user' });
    for (const id of ['user-1', 'user-2', 'user-3']) await w.sendAndWait({ userId: 'u-resume-user', type: 'resume.test', id });
    w.close();
  });

  assert.deepEqual(outcome, { target: 'user', complete: true, replayed: 3 });
  assert.deepEqual(c.heard.map((n) => n.id), ['user-1', 'user-2', 'user-3']);
  assert.deepEqual(c.replayed, ['user-1', 'user-2', 'user-3']);
  c.close();
});

test('a gap longer than the cap is replayed up to the cap and reported incomplete, so the application refetches', async () => {
  const c = await openClient('u-over-cap', ['C-over-cap'], ['C-over-cap']);
  const sent = Array.from({ length: RESUME_CAP + 1 }, (_, i) => `cap-${String(i).padStart(3, '0')}`);

  const outcome = await away(c, 'claim', async () => {
    const w = await witness(stack, { user: 'u-over-cap-witness', claims: ['C-over-cap'], subscribeTo: ['C-over-cap'] });
    await w.sendAllAndWait(sent.map((id) => ({ claimId: 'C-over-cap', type: 'cap.test', id })));
    w.close();
  });

  assert.deepEqual(outcome, { target: 'claim', claimId: 'C-over-cap', complete: false, replayed: RESUME_CAP });
  assert.equal(c.replayed.length, RESUME_CAP, 'what was replayed still arrives, marked');
  assert.ok(c.replayed.every((id) => sent.includes(id)));
  c.close();
});
