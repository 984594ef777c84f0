// Herald's browser client: one ES module, no build step, no dependencies. Works in browsers and in
// Node 20+ (pass a WebSocket constructor such as the `ws` package's).

/**
 * @typedef {'idle'|'connecting'|'open'|'reconnecting'|'closed'} HeraldState
 *
 * @typedef {object} HeraldNotification A CloudEvents 1.0 event, exactly as the producer sent it.
 * @property {string} specversion
 * @property {string} id
 * @property {string} type
 * @property {string} source
 * @property {string} [userid]
 * @property {string} [claimid]
 * @property {unknown} [data]
 *
 * @typedef {object} HeraldReply Herald's answer to an action.
 * @property {'subscribed'|'unsubscribed'|'pong'|'error'} type
 * @property {string} [claimId]
 * @property {string} [reason]
 * @property {string} [message]
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
 * @property {number} [dedupeSize=1000] how many recent notification ids are remembered to drop duplicates
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

/**
 * A connection to Herald that survives drops, token expiry and API Gateway's limits.
 *
 * Events (`addEventListener`, each a `CustomEvent` whose `detail` is described here, or `on(type, fn)` which
 * passes the detail directly):
 * - `state`: {@link HeraldStateChange}
 * - `notification`: {@link HeraldNotification}, each id at most once
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
    this.random = options.random || Math.random;
    this.timers = options.timers || { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h) };
    this.network = options.network !== undefined ? options.network
      : (typeof window !== 'undefined' && window.addEventListener ? window : null);
    this.seen = new RecentIds(options.dedupeSize ?? 1000);
    /** @type {Set<string>} */
    this.claims = new Set();
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

  /** Hears the claim from now on, across reconnects; the answer comes as a `reply` event. @param {string} claimId */
  subscribe(claimId) {
    this.claims.add(claimId);
    this.current?.send({ action: 'subscribe', claimId });
  }

  /** @param {string} claimId */
  unsubscribe(claimId) {
    this.claims.delete(claimId);
    this.current?.send({ action: 'unsubscribe', claimId });
  }

  /** The claims this client keeps subscribed. @returns {string[]} */
  subscriptions() {
    return [...this.claims];
  }

  /** Closes for good: no reconnect, no timers left. */
  close() {
    this.stop('closed by the application');
  }

  /**
   * Calls `listener` with each event's detail; returns a function that removes it.
   * @param {'state'|'notification'|'reply'} type @param {(detail: any) => void} listener
   */
  on(type, listener) {
    const wrapped = (/** @type {CustomEvent} */ event) => listener(event.detail);
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
      link.awaitSubscriptions([...this.claims], this.switchTimeoutMs, () => this.switchTo(link));
      return;
    }
    this.attempt = 0;
    this.setState('open');
    for (const claimId of this.claims) link.send({ action: 'subscribe', claimId });
    this.scheduleRotation(this.rotateAfterMs);
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

  /** The socket closed in the middle of a rotation: the one replacing it takes over at once. @param {Link} link */
  promote(link, reason) {
    link.stopSwitching();
    this.attempt += 1;
    this.setState('reconnecting', { delayMs: 0, reason });
    if (link.isOpen()) this.linkOpened(link);
  }

  /** @param {Link} link @param {any} message */
  linkMessage(link, message) {
    if (message && typeof message === 'object' && 'specversion' in message) {
      if (typeof message.id === 'string' && !this.seen.add(message.id)) return;
      this.emit('notification', message);
      return;
    }
    if (message && message.type === 'error' && message.claimId) this.claims.delete(message.claimId);
    link.answered(message);
    if (link === this.current) this.emit('reply', message);
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

  emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}

/** One WebSocket and its keep-alive. */
class Link {
  /** @param {HeraldClient} client @param {string} token */
  constructor(client, token) {
    this.client = client;
    this.retired = false;
    this.pending = new Set();
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

  /** Subscribes to every claim and calls `done` once each is answered, or after `timeoutMs`. */
  awaitSubscriptions(claims, timeoutMs, done) {
    claims.forEach((claimId) => this.pending.add(claimId));
    this.onSettled = done;
    if (claims.length === 0) {
      done();
      return;
    }
    this.switchTimer = this.client.timers.setTimeout(done, timeoutMs);
    claims.forEach((claimId) => this.send({ action: 'subscribe', claimId }));
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
  }
}
