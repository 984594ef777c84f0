// The local test page: wires the form to herald-client.js and to herald local's /dev endpoints.
import { HeraldClient } from './herald-client.js';

const $ = (id) => document.getElementById(id);
let client = null;
let notifications = 0;
let replayed = 0;
/** The claims to subscribe to on the next Connect; while connected the client keeps them. */
let claimsToKeep = [];
/** What the page itself needs to pick up after a reload; the client keeps its positions under its own key. */
const PAGE = 'herald-page';

$('url').value = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/prod`;

function savePage(connected) {
  sessionStorage.setItem(PAGE, JSON.stringify({
    connected, url: $('url').value, sub: $('sub').value, claims: $('claims').value, subscriptions: claimsToKeep,
  }));
}

async function postJson(path, body) {
  const response = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(answer.message || `${path} answered ${response.status}`);
  return answer;
}

async function mint() {
  const claims = $('claims').value.split(',').map((c) => c.trim()).filter(Boolean);
  const { token } = await postJson('/dev/token', { sub: $('sub').value.trim(), claims, ttlSeconds: Number($('ttl').value) });
  $('token').value = token;
  log('sent', `minted a token for ${$('sub').value.trim()} (claims ${claims.join(', ') || 'none'})`);
  return token;
}

/** The client asks before every (re)connect: a fresh token from the dev endpoint, or the one pasted. */
async function token() {
  if ($('auto-mint').checked) return mint();
  const pasted = $('token').value.trim();
  if (!pasted) throw new Error('no token: mint one or paste one');
  return pasted;
}

function connect() {
  const url = $('url').value.trim();
  client = new HeraldClient({
    url, getToken: token, baseDelayMs: 500, maxDelayMs: 10_000,
    // Positions and shown ids outlive a reload; one key per user, as a tab may sign in as another.
    storage: sessionStorage, storageKey: `herald:${url}:${$('sub').value.trim()}`,
  });
  client.on('state', showState);
  client.on('notification', (event, { replayed: wasReplayed }) => {
    notifications += 1;
    if (wasReplayed) replayed += 1;
    $('count').textContent = `${notifications} notification${notifications === 1 ? '' : 's'}${replayed ? ` (${replayed} replayed)` : ''}`;
    log(wasReplayed ? 'notification replayed' : 'notification', event, { label: wasReplayed ? 'replayed' : 'notification', id: event.id });
  });
  client.on('resumed', showResumed);
  client.on('reply', (reply) => {
    log(reply.type === 'error' ? 'error' : 'reply', reply);
    claimsToKeep = client.subscriptions();
    savePage(true);
    renderSubscriptions();
  });
  claimsToKeep.forEach((claim) => client.subscribe(claim));
  client.connect();
  savePage(true);
  $('connect').disabled = true;
  $('disconnect').disabled = false;
}

function disconnect() {
  claimsToKeep = client ? client.subscriptions() : claimsToKeep;
  client?.close();
  savePage(false);
  $('connect').disabled = false;
  $('disconnect').disabled = true;
}

/** How a resume went: an incomplete one is where a real application refetches its state. */
function showResumed({ target, claimId, complete, replayed: count }) {
  const what = target === 'claim' ? `claim ${claimId}` : 'user';
  const outcome = complete ? 'complete' : 'incomplete → refetch';
  $('resume').textContent = `last resume: ${what} ${outcome}`;
  $('resume').className = `muted ${complete ? 'complete' : 'incomplete'}`;
  log(`resumed ${complete ? 'complete' : 'incomplete'}`, `${what}: ${outcome} · ${count} replayed by Herald`,
    { label: 'resumed', target: target === 'claim' ? claimId : 'user' });
}

function showState({ state, attempt, delayMs, reason }) {
  $('state').textContent = state;
  $('state').className = `badge ${state}`;
  $('attempts').textContent = state === 'reconnecting'
    ? `attempt ${attempt}${delayMs !== undefined ? `, next in ${(delayMs / 1000).toFixed(1)} s` : ''}` : '';
  log('state', `${state}${reason ? ` · ${reason}` : ''}${state === 'reconnecting' ? ` · attempt ${attempt}` : ''}`);
  if (state === 'closed') {
    savePage(false);
    $('connect').disabled = false;
    $('disconnect').disabled = true;
  }
}

function renderSubscriptions() {
  const claims = client ? client.subscriptions() : claimsToKeep;
  const list = $('subscriptions');
  list.replaceChildren();
  if (claims.length === 0) {
    list.append(Object.assign(document.createElement('li'), { className: 'muted', textContent: 'no subscriptions' }));
  }
  for (const claim of claims) {
    const item = document.createElement('li');
    const remove = Object.assign(document.createElement('button'), { type: 'button', textContent: '×', title: `Unsubscribe ${claim}` });
    remove.addEventListener('click', () => {
      if (client) client.unsubscribe(claim);
      claimsToKeep = claimsToKeep.filter((c) => c !== claim);
      savePage(Boolean(client && client.state !== 'closed'));
      log('sent', { action: 'unsubscribe', claimId: claim });
      renderSubscriptions();
    });
    item.append(claim, remove);
    list.append(item);
  }
}

/** @param {string} kind the item's classes @param {{label?: string, id?: string, target?: string}} [more] */
function log(kind, content, { label: text = kind, id, target } = {}) {
  const item = document.createElement('li');
  item.className = kind;
  if (id) item.dataset.id = id;
  if (target) item.dataset.target = target;
  const time = Object.assign(document.createElement('time'), { textContent: new Date().toTimeString().slice(0, 8) });
  const label = Object.assign(document.createElement('span'), { className: 'kind', textContent: text });
  const body = Object.assign(document.createElement('pre'), {
    textContent: typeof content === 'string' ? content : JSON.stringify(content, null, 1).replace(/\n\s*/g, ' '),
  });
  item.append(time, label, body);
  $('log').prepend(item);
}

async function send(event) {
  event.preventDefault();
  let data;
  try {
    data = JSON.parse($('data').value || '{}');
  } catch {
    log('error', 'the data is not JSON');
    return;
  }
  const body = { [$('target-kind').value]: $('target-id').value.trim(), type: $('type').value.trim(), data };
  if ($('event-id').value.trim()) body.id = $('event-id').value.trim();
  try {
    const { messageId } = await postJson('/dev/notifications', body);
    log('sent', `queued ${body.id || 'a notification'} for ${$('target-kind').value === 'userId' ? 'user' : 'claim'} ${body[$('target-kind').value]} (SQS message ${messageId})`);
  } catch (error) {
    log('error', error.message);
  }
}

async function dropFromServer() {
  const { connections } = await (await fetch('/dev/connections')).json();
  for (const { connectionId } of connections) {
    await fetch(`/prod/@connections/${encodeURIComponent(connectionId)}`, { method: 'DELETE' });
  }
  log('sent', `DELETE @connections for ${connections.length} connection${connections.length === 1 ? '' : 's'}`);
}

$('mint').addEventListener('click', () => mint().catch((error) => log('error', error.message)));
$('connect').addEventListener('click', connect);
$('disconnect').addEventListener('click', disconnect);
$('drop').addEventListener('click', () => dropFromServer().catch((error) => log('error', error.message)));
$('clear').addEventListener('click', () => $('log').replaceChildren());
$('send-form').addEventListener('submit', send);
$('subscribe-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const claim = $('claim').value.trim();
  if (!claim) return;
  if (client && client.state !== 'closed') client.subscribe(claim);
  if (!claimsToKeep.includes(claim)) claimsToKeep.push(claim);
  savePage(Boolean(client && client.state !== 'closed'));
  log('sent', { action: 'subscribe', claimId: claim });
  renderSubscriptions();
});
$('target-kind').addEventListener('change', () => {
  $('target-id').value = $('target-kind').value === 'userId' ? $('sub').value.trim() : $('claim').value.trim();
});


/** A reload of a connected page connects again at once, and the client resumes from sessionStorage. */
function restorePage() {
  let saved;
  try {
    saved = JSON.parse(sessionStorage.getItem(PAGE) || 'null');
  } catch {
    saved = null;
  }
  if (!saved) return;
  $('url').value = saved.url || $('url').value;
  $('sub').value = saved.sub || $('sub').value;
  $('claims').value = saved.claims ?? $('claims').value;
  claimsToKeep = Array.isArray(saved.subscriptions) ? saved.subscriptions : [];
  renderSubscriptions();
  if (saved.connected) {
    log('state', 'reloaded: connecting again and resuming from sessionStorage');
    connect();
  }
}

restorePage();
