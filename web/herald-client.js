// Herald's browser client: one ES module, no build step, no dependencies. Works in browsers and in
// Node 20+ (pass a WebSocket constructor such as the `ws` package's).

/**
 * @typedef {'idle'|'connecting'|'open'|'reconnecting'|'closed'} HeraldState
 *
 * @typedef {object} HeraldNotification A CloudEvents 1.0 event, exactly as the producer sent it, plus its position.
 * @property {string} specversion
 * @property {string} id
 * @property {string} type
 * @property {string} source
 * @property {string} [userid]
 * @property {string} [claimid]
 * @property {string} [heraldposition] where the event sits in its target's history; positions of one target order
 *   as strings, and mean nothing else to a client
 * @property {unknown} [data]
 *
 * @typedef {object} HeraldReply Herald's answer to an action.
 * @property {'subscribed'|'unsubscribed'|'resumed'|'pong'|'error'} type
 * @property {string} [claimId]
 * @property {'user'|'claim'} [target] on `resumed`, and on the error of a resume
 * @property {boolean} [complete] on `resumed`
 * @property {number} [replayed] on `resumed`
 * @property {string} [position] on `resumed` and `subscribed`: where to resume the target from next time
 * @property {string} [reason]
 * @property {string} [message]
 *
 * @typedef {object} HeraldResumed How a resume went, once per target after every reconnect and rotation.
 * @property {'user'|'claim'} target
 * @property {string} [claimId] when `target` is `claim`
 * @property {boolean} complete false when something may be missing: refetch the application's state
 * @property {number} replayed how many events Herald pushed again (those already seen are not emitted twice)
 *
 * @typedef {object} HeraldStateChange
 * @property {HeraldState} state
 * @property {number} attempt reconnect attempts since the last open connection (0 when open)
 * @property {number} [delayMs] how long until the next attempt, while reconnecting
 * @property {string} [reason] why the state changed, when there is something to say
 *
 * @typedef {object} Timers
 * @property {(fn: () => void, ms: number) => any} setTimeout
 * @property {(handle: any) => void} clearTimeout
 *
 * @typedef {object} PositionStorage Where positions outlive the page: `sessionStorage`, or anything shaped like it.
 * @property {(key: string) => string | null} getItem
 * @property {(key: string, value: string) => void} setItem
 *
 * @typedef {object} HeraldOptions
 * @property {string} url the WebSocket API, e.g. `wss://abc.execute-api.eu-west-1.amazonaws.com/prod`
 * @property {() => string | Promise<string>} getToken asked for a fresh token before every (re)connect
 * @property {new (url: string, protocols: string[]) => WebSocket} [WebSocket] defaults to `globalThis.WebSocket`
 * @property {number} [baseDelayMs=1000] first reconnect delay bound; doubles each attempt
 * @property {number} [maxDelayMs=30000] the delay bound never exceeds this
 * @property {number} [maxAttempts=Infinity] consecutive failed attempts before giving up (state `closed`)
 * @property {number} [pingIntervalMs=300000] keep-alive under API Gateway's 10-minute idle timeout
 * @property {number} [rotateAfterMs=6900000] reconnect before API Gateway's 2-hour limit (default 1 h 55 min)
 * @property {number} [switchTimeoutMs=10000] how long a rotation waits for its resubscriptions to be answered
 * @property {number} [resumeTimeoutMs=30000] how long a resume may go unanswered before it is reported incomplete
 * @property {number} [dedupeSize=1000] how many recent notification ids are remembered to drop duplicates
 * @property {PositionStorage | null} [storage] keeps the positions and the recent ids there (e.g. `sessionStorage`),
 *   so that a page reload resumes too; by default they live as long as the client
 * @property {string} [storageKey] the item in `storage`; defaults to `herald:` and the url. Give each user their
 *   own when one tab can sign in as several
 * @property {() => number} [random=Math.random] the jitter's source, in [0, 1)
 * @property {Timers} [timers] defaults to the global setTimeout/clearTimeout
 * @property {{addEventListener: Function, removeEventListener: Function} | null} [network]
 *   where `online` events come from; defaults to `window` in a browser
 */

export const PROTOCOL = 'herald';

/**
 * The delay before reconnect attempt `attempt` (1, 2, ...): exponential backoff with full jitter, a uniformly
 * random time between 0 and min(maxDelayMs, baseDelayMs * 2^(attempt-1)).
 * @param {number} attempt
 * @param {{baseDelayMs: number, maxDelayMs: number}} bounds
 * @param {() => number} [random]
 * @returns {number}
 */
export function backoffDelay(attempt, { baseDelayMs, maxDelayMs }, random = Math.random) {
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.min(attempt - 1, 30));
  return Math.floor(random() * ceiling);
}

/** Remembers the last `size` ids; `add` answers false for an id it already holds. */
export class RecentIds {
  /** @param {number} size */
  constructor(size) {
    this.size = size;
    /** @type {Set<string>} */
    this.ids = new Set();
  }

  /** @param {string} id @returns {boolean} true if the id is new */
  add(id) {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > this.size) this.ids.delete(this.ids.values().next().value);
    return true;
  }
}

/** The user's history is one target, each claim's another; positions of different targets do not compare. */
const USER = 'user';
const claimTarget = (/** @type {string} */ claimId) => `claim:${claimId}`;
const claimOf = (/** @type {string} */ target) => (target.startsWith('claim:') ? target.slice(6) : undefined);

/** The later of two positions; either may be missing. @param {string} [a] @param {string} [b] */
function later(a, b) {
  if (typeof b !== 'string' || b === '') return a;
  return a === undefined || b > a ? b : a;
}

/**
 * What the client resumes from: the last position it saw of each target, and the ids it has shown (a replay starts a
 * margin before the position, so it repeats some). Kept in `storage`, when there is one, so that a reload resumes.
 */
class Positions {
  /** @param {PositionStorage | null} storage @param {string} key @param {number} dedupeSize */
  constructor(storage, key, dedupeSize) {
    this.storage = storage;
    this.key = key;
    /** @type {Map<string, string>} target ('user' or 'claim:<id>') to position */
    this.cursors = new Map();
    this.seen = new RecentIds(dedupeSize);
    this.load();
  }

  /** @param {string} target @returns {string | undefined} */
  of(target) {
    return this.cursors.get(target);
  }

  /** Moves the target's position forward to `position`, never back. @param {string} target @param {string} [position] */
  advance(target, position) {
    const next = later(this.cursors.get(target), position);
    if (next !== undefined) this.cursors.set(target, next);
  }

  /** @param {string} target */
  forget(target) {
    this.cursors.delete(target);
  }

  /** @param {string} id @returns {boolean} true if the id was not shown before */
  remember(id) {
    return this.seen.add(id);
  }

  load() {
    try {
      const saved = JSON.parse(this.storage?.getItem(this.key) ?? 'null');
      if (!saved || saved.v !== 1) return;
      for (const [target, position] of Object.entries(saved.positions ?? {})) this.advance(target, position);
      for (const id of saved.ids ?? []) if (typeof id === 'string') this.seen.add(id);
    } catch {
      // Unreadable: start afresh, as without storage.
    }
  }

  save() {
    if (!this.storage) return;
    try {
      this.storage.setItem(this.key, JSON.stringify({ v: 1, positions: Object.fromEntries(this.cursors), ids: [...this.seen.ids] }));
    } catch {
      // Full or forbidden (private browsing): resuming still works until the page goes.
    }
  }
}

/**
 * A connection to Herald that survives drops, token expiry and API Gateway's limits, and catches up on what it
 * missed: it remembers the last position it saw of its user and of each claim, and after every reconnect and
 * rotation asks Herald to replay what came after (`resume`, and `subscribe` with `after`).
 *
 * Events (`addEventListener`, each a `CustomEvent` whose `detail` is described here, or `on(type, fn)` which
 * passes the detail directly, and the event as a second argument):
 * - `state`: {@link HeraldStateChange}
 * - `notification`: {@link HeraldNotification}, each id at most once; the event's `replayed` is true when it
 *   arrived while its target was being resumed (a live one racing the replay may be marked too)
 * - `resumed`: {@link HeraldResumed}, after every reconnect and rotation, per target the client had a position
 *   for (or had heard and lost its place in); `complete: false` asks the application to refetch its state
 * - `reply`: {@link HeraldReply}, e.g. `subscribed` or an `error` such as `NOT_ENTITLED`
 */
export class HeraldClient extends EventTarget {
  /** @param {HeraldOptions} options */
  constructor(options) {
    super();
    if (!options || !options.url || typeof options.getToken !== 'function') {
      throw new TypeError('HeraldClient needs { url, getToken }');
    }
    this.url = options.url;
    this.getToken = options.getToken;
    this.WebSocket = options.WebSocket || globalThis.WebSocket;
    if (!this.WebSocket) throw new TypeError('no WebSocket here: pass one, e.g. { WebSocket } from the ws package');
    this.bounds = { baseDelayMs: options.baseDelayMs ?? 1000, maxDelayMs: options.maxDelayMs ?? 30000 };
    this.maxAttempts = options.maxAttempts ?? Infinity;
    this.pingIntervalMs = options.pingIntervalMs ?? 5 * 60 * 1000;
    this.rotateAfterMs = options.rotateAfterMs ?? (2 * 60 - 5) * 60 * 1000;
    this.switchTimeoutMs = options.switchTimeoutMs ?? 10000;
    this.resumeTimeoutMs = options.resumeTimeoutMs ?? 30000;
    this.random = options.random || Math.random;
    this.timers = options.timers || { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h) };
    this.network = options.network !== undefined ? options.network
      : (typeof window !== 'undefined' && window.addEventListener ? window : null);
    this.positions = new Positions(options.storage ?? null, options.storageKey ?? `herald:${options.url}`,
      options.dedupeSize ?? 1000);
    /** @type {Set<string>} */
    this.claims = new Set();
    /** @type {Set<string>} targets an earlier socket asked to hear: losing them unresumed may lose events */
    this.targetsHeard = new Set();
    /** @type {HeraldState} */
    this.state = 'idle';
    this.attempt = 0;
    /** @type {Link | null} the socket in use */
    this.current = null;
    /** @type {Link | null} the socket replacing it during a rotation */
    this.next = null;
    this.retryTimer = null;
    this.opening = false;
    this.onOnline = () => this.reconnectNow();
  }

  /** Connects (resolves once the first socket is being opened); later drops reconnect by themselves. */
  async connect() {
    if (this.state !== 'idle' && this.state !== 'closed') return;
    this.network?.addEventListener('online', this.onOnline);
    this.attempt = 0;
    this.setState('connecting');
    await this.openLink(false);
  }

  /**
   * Hears the claim from now on, across reconnects, and from the last position it saw of it when it has one (a
   * reload with `storage`); the answer comes as a `reply` event. @param {string} claimId
   */
  subscribe(claimId) {
    this.claims.add(claimId);
    for (const link of this.openLinks()) this.resumeOn(link, claimTarget(claimId), false);
  }

  /** @param {string} claimId */
  unsubscribe(claimId) {
    this.claims.delete(claimId);
    this.forgetTarget(claimTarget(claimId));
    for (const link of this.openLinks()) link.send({ action: 'unsubscribe', claimId });
  }

  /** The claims this client keeps subscribed. @returns {string[]} */
  subscriptions() {
    return [...this.claims];
  }

  /** Closes for good: no reconnect, no timers left. The positions stay, so a later `connect()` resumes. */
  close() {
    this.stop('closed by the application');
  }

  /**
   * Calls `listener` with each event's detail and the event itself (a notification's has `replayed`); returns a
   * function that removes it.
   * @param {'state'|'notification'|'resumed'|'reply'} type @param {(detail: any, event: any) => void} listener
   */
  on(type, listener) {
    const wrapped = (/** @type {CustomEvent} */ event) => listener(event.detail, event);
    this.addEventListener(type, wrapped);
    return () => this.removeEventListener(type, wrapped);
  }

  // --- internals -------------------------------------------------------------------------------------------

  /** @param {string} reason */
  stop(reason) {
    if (this.state === 'closed') return;
    this.network?.removeEventListener('online', this.onOnline);
    this.timers.clearTimeout(this.retryTimer);
    for (const link of [this.current, this.next]) link?.retire(1000, 'client closed');
    this.current = this.next = null;
    this.setState('closed', { reason });
  }

  openLinks() {
    return [this.current, this.next].filter((link) => link && link.isOpen());
  }

  /** Opens a socket with a fresh token; `rotating` keeps the current one until the new one has resubscribed. */
  async openLink(rotating) {
    if (this.opening) return;
    this.opening = true;
    let link;
    try {
      const token = await this.getToken();
      if (this.state === 'closed') return;
      link = new Link(this, token);
    } catch (error) {
      const reason = `cannot connect: ${error && error.message ? error.message : error}`;
      if (rotating) this.scheduleRotation(this.bounds.maxDelayMs);
      else this.scheduleReconnect(reason);
      return;
    } finally {
      this.opening = false;
    }
    // A rotation whose old socket dropped while the token was fetched is a plain reconnect.
    if (rotating && this.current) this.next = link;
    else this.current = link;
  }

  /** @param {Link} link */
  linkOpened(link) {
    if (link === this.next) {
      // The old socket still hears everything, so no target is lost here even without a position.
      this.resumeAll(link, false);
      link.awaitSubscriptions([...this.claims], this.switchTimeoutMs, () => this.switchTo(link));
      return;
    }
    this.attempt = 0;
    this.setState('open');
    this.resumeAll(link, true);
    this.scheduleRotation(this.rotateAfterMs);
  }

  /**
   * Asks a new socket to hear every target and to replay what came after the last position seen of each: its
   * user with `resume`, each claim with `subscribe`. @param {Link} link @param {boolean} afterAGap
   */
  resumeAll(link, afterAGap) {
    this.resumeOn(link, USER, afterAGap);
    for (const claimId of this.claims) this.resumeOn(link, claimTarget(claimId), afterAGap);
  }

  /** @param {Link} link @param {string} target @param {boolean} afterAGap */
  resumeOn(link, target, afterAGap) {
    const after = this.positions.of(target);
    // Heard before, no position, and away meanwhile: whatever came in between cannot be asked for.
    link.resume(target, after, !after && afterAGap && this.targetsHeard.has(target));
    this.targetsHeard.add(target);
  }

  /** The new socket hears everything the old one did: now the old one may go. @param {Link} link */
  switchTo(link) {
    if (link !== this.next) return;
    const old = this.current;
    this.current = link;
    this.next = null;
    old?.retire(1000, 'replaced');
    this.scheduleRotation(this.rotateAfterMs);
    this.setState('open', { reason: 'rotated' });
  }

  /** @param {Link} link @param {{code: number, reason: string}} close */
  linkClosed(link, close) {
    if (link === this.next) {
      this.next = null;
      this.scheduleRotation(backoffDelay(1, this.bounds, this.random) + this.bounds.baseDelayMs);
    } else if (link === this.current) {
      const reason = `closed ${close.code}${close.reason ? ` ${close.reason}` : ''}`;
      this.current = this.next;
      this.next = null;
      if (this.current) this.promote(this.current, reason);
      else this.scheduleReconnect(reason);
    }
  }

  /**
   * The socket closed in the middle of a rotation: the one replacing it takes over at once. If it is open it has
   * already asked for every target, and heard them while the old one still did. @param {Link} link
   */
  promote(link, reason) {
    link.stopSwitching();
    this.attempt += 1;
    this.setState('reconnecting', { delayMs: 0, reason });
    if (!link.isOpen()) return;
    this.attempt = 0;
    this.setState('open');
    this.scheduleRotation(this.rotateAfterMs);
  }

  /** @param {Link} link @param {any} message */
  linkMessage(link, message) {
    if (message && typeof message === 'object' && 'specversion' in message) {
      this.notified(link, message);
      return;
    }
    if (message && message.type === 'error' && message.claimId && !message.target) {
      // A refused subscribe (a resume's errors name their target, and leave the subscription be).
      this.claims.delete(message.claimId);
      this.forgetTarget(claimTarget(message.claimId));
    } else if (message && message.type === 'error' && message.reason === 'BAD_POSITION') {
      this.positionsRefused(link);
    } else {
      const target = targetOfReply(message);
      if (target) this.resumeAnswered(link, target, message);
    }
    link.answered(message);
    if (link === this.current) this.emit('reply', message);
  }

  /** @param {Link} link @param {HeraldNotification} event */
  notified(link, event) {
    const target = typeof event.claimid === 'string' ? claimTarget(event.claimid)
      : typeof event.userid === 'string' ? USER : null;
    const replay = target ? link.resuming.get(target) : undefined;
    if (replay?.after) {
      // Not past the replay yet: a socket lost in the middle of it must resume from before it.
      replay.highest = later(replay.highest, event.heraldposition);
    } else if (target && this.follows(target)) {
      this.positions.advance(target, event.heraldposition);
    }
    const fresh = typeof event.id !== 'string' || this.positions.remember(event.id);
    this.positions.save();
    if (fresh) this.emit('notification', event, { replayed: Boolean(replay?.after) });
  }

  /**
   * A resume (or a subscribe that starts one) was answered, refused or timed out: the target's position moves past
   * it, and the application hears how it went when anything could have been missed.
   * @param {Link} link @param {string} target @param {HeraldReply} reply
   */
  resumeAnswered(link, target, reply) {
    const asked = link.resuming.get(target);
    if (reply.type === 'subscribed' && asked?.after) return; // the replay and its `resumed` follow
    link.endResume(target);
    if (this.follows(target)) {
      this.positions.advance(target, asked?.highest);
      this.positions.advance(target, reply.position);
      this.positions.save();
    }
    if (!asked || !(asked.after || asked.blind)) return;
    const claimId = claimOf(target);
    const resumed = reply.type === 'resumed';
    this.emit('resumed', {
      target: claimId === undefined ? 'user' : 'claim',
      ...(claimId === undefined ? {} : { claimId }),
      complete: resumed && reply.complete === true && !asked.blind,
      replayed: resumed && typeof reply.replayed === 'number' ? reply.replayed : 0,
    });
  }

  /**
   * Herald could not read a position this client sent (a corrupted `storage`, say), so it heard nothing of that
   * request: ask again without, for every target resuming on this socket, and report each as incomplete.
   * @param {Link} link
   */
  positionsRefused(link) {
    for (const [target, asked] of [...link.resuming]) {
      if (!asked.after) continue;
      this.positions.forget(target);
      link.resume(target, undefined, true);
    }
    this.positions.save();
  }

  /** @param {string} target */
  follows(target) {
    const claimId = claimOf(target);
    return claimId === undefined || this.claims.has(claimId);
  }

  /** @param {string} target */
  forgetTarget(target) {
    this.positions.forget(target);
    this.positions.save();
    this.targetsHeard.delete(target);
    for (const link of [this.current, this.next]) link?.endResume(target);
  }

  scheduleReconnect(reason) {
    if (this.state === 'closed') return;
    this.attempt += 1;
    if (this.attempt > this.maxAttempts) {
      this.stop(`gave up after ${this.maxAttempts} attempts (${reason})`);
      return;
    }
    const delayMs = backoffDelay(this.attempt, this.bounds, this.random);
    this.setState('reconnecting', { delayMs, reason });
    this.timers.clearTimeout(this.retryTimer);
    this.retryTimer = this.timers.setTimeout(() => this.openLink(false), delayMs);
  }

  scheduleRotation(delayMs) {
    this.timers.clearTimeout(this.retryTimer);
    this.retryTimer = this.timers.setTimeout(() => this.rotate(), delayMs);
  }

  rotate() {
    if (this.state === 'closed' || this.next) return;
    if (!this.current) {
      this.openLink(false);
      return;
    }
    this.openLink(true);
  }

  /** The browser says the network is back: waiting out a backoff is pointless, and the open socket may be dead. */
  reconnectNow() {
    if (this.state === 'reconnecting' && !this.current && !this.opening) {
      this.timers.clearTimeout(this.retryTimer);
      this.openLink(false);
    } else if (this.state === 'open') {
      this.rotate();
    }
  }

  setState(state, extra = {}) {
    this.state = state;
    this.emit('state', { state, attempt: this.attempt, ...extra });
  }

  /** @param {string} type @param {any} detail @param {object} [fields] set on the event itself */
  emit(type, detail, fields) {
    const event = new CustomEvent(type, { detail });
    if (fields) Object.assign(event, fields);
    this.dispatchEvent(event);
  }
}

/** The target a reply of a resume is about ('user' or 'claim:<id>'), or null for any other reply. @param {any} reply */
function targetOfReply(reply) {
  if (!reply || typeof reply !== 'object') return null;
  const claim = typeof reply.claimId === 'string' ? claimTarget(reply.claimId) : null;
  if (reply.type === 'subscribed') return claim;
  if (reply.type === 'resumed' || (reply.type === 'error' && reply.target)) return reply.target === 'user' ? USER : claim;
  // Before it knows whose connection it is, Herald cannot name the user.
  if (reply.type === 'error' && reply.reason === 'UNKNOWN_CONNECTION') return claim ?? USER;
  return null;
}

/** One WebSocket, its keep-alive, and the resumes it has asked for. */
class Link {
  /** @param {HeraldClient} client @param {string} token */
  constructor(client, token) {
    this.client = client;
    this.retired = false;
    this.pending = new Set();
    /** @type {Map<string, {after?: string, blind: boolean, highest?: string, timer: any}>} by target */
    this.resuming = new Map();
    this.pingTimer = null;
    this.switchTimer = null;
    this.ws = new client.WebSocket(client.url, [PROTOCOL, token]);
    this.ws.onopen = () => {
      if (this.retired) return;
      this.keepAlive();
      client.linkOpened(this);
    };
    this.ws.onmessage = (event) => {
      if (this.retired) return;
      let message;
      try {
        message = JSON.parse(typeof event.data === 'string' ? event.data : String(event.data));
      } catch {
        return;
      }
      client.linkMessage(this, message);
    };
    this.ws.onclose = (event) => {
      this.stopTimers();
      if (!this.retired) client.linkClosed(this, { code: event.code, reason: event.reason });
    };
    this.ws.onerror = () => {}; // a close event always follows
  }

  isOpen() {
    return this.ws.readyState === 1;
  }

  /** @param {object} message */
  send(message) {
    if (this.isOpen()) this.ws.send(JSON.stringify(message));
  }

  keepAlive() {
    const { setTimeout: later } = this.client.timers;
    const tick = () => {
      this.send({ action: 'ping' });
      this.pingTimer = later(tick, this.client.pingIntervalMs);
    };
    this.pingTimer = later(tick, this.client.pingIntervalMs);
  }

  /**
   * Asks to hear the target and to replay what came after `after`; `blind` when the client heard it before but has
   * no position, so it must report the gap. An answer that never comes counts as a refusal.
   * @param {string} target @param {string | undefined} after @param {boolean} blind
   */
  resume(target, after, blind) {
    this.endResume(target);
    const timer = this.client.timers.setTimeout(() => {
      if (this.resuming.get(target)?.timer === timer) this.client.resumeAnswered(this, target, { type: 'error', reason: 'TIMEOUT' });
    }, this.client.resumeTimeoutMs);
    this.resuming.set(target, { after, blind, highest: after, timer });
    const claimId = claimOf(target);
    this.send({ action: claimId === undefined ? 'resume' : 'subscribe', ...(claimId === undefined ? {} : { claimId }),
      ...(after ? { after } : {}) });
  }

  /** @param {string} target */
  endResume(target) {
    this.client.timers.clearTimeout(this.resuming.get(target)?.timer);
    this.resuming.delete(target);
  }

  /** Calls `done` once each claim's subscribe (already sent) is answered, or after `timeoutMs`. */
  awaitSubscriptions(claims, timeoutMs, done) {
    claims.forEach((claimId) => this.pending.add(claimId));
    this.onSettled = done;
    if (claims.length === 0) {
      done();
      return;
    }
    this.switchTimer = this.client.timers.setTimeout(done, timeoutMs);
  }

  /** @param {HeraldReply} reply */
  answered(reply) {
    if (!reply || !reply.claimId || !this.pending.delete(reply.claimId) || this.pending.size > 0) return;
    this.client.timers.clearTimeout(this.switchTimer);
    this.onSettled?.();
  }

  stopSwitching() {
    this.client.timers.clearTimeout(this.switchTimer);
    this.pending.clear();
    this.onSettled = null;
  }

  retire(code, reason) {
    this.retired = true;
    this.stopTimers();
    try {
      this.ws.close(code, reason);
    } catch {
      // already closing
    }
  }

  stopTimers() {
    this.client.timers.clearTimeout(this.pingTimer);
    this.client.timers.clearTimeout(this.switchTimer);
    for (const target of [...this.resuming.keys()]) this.endResume(target);
  }
}
