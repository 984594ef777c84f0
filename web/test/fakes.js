// Test doubles for the client's unit tests: a WebSocket the test drives by hand, and a virtual clock.

/** A WebSocket whose server side the test plays: open(), message(), drop(). */
export class FakeWebSocket {
  /** @type {FakeWebSocket[]} */
  static made = [];

  constructor(url, protocols) {
    this.url = url;
    this.protocols = protocols;
    this.readyState = 0;
    this.sent = [];
    this.closedWith = null;
    FakeWebSocket.made.push(this);
  }

  send(text) {
    this.sent.push(JSON.parse(text));
  }

  close(code, reason) {
    this.closedWith = { code, reason };
    this.readyState = 3;
    this.onclose?.({ code, reason });
  }

  open() {
    this.readyState = 1;
    this.onopen?.({});
  }

  message(object) {
    this.onmessage?.({ data: JSON.stringify(object) });
  }

  /** The server or the network ends the connection. */
  drop(code = 1006, reason = '') {
    this.readyState = 3;
    this.onerror?.({});
    this.onclose?.({ code, reason });
  }

  static last() {
    return FakeWebSocket.made[FakeWebSocket.made.length - 1];
  }
}

/** setTimeout/clearTimeout on a clock that moves only when the test says so. */
export class VirtualTimers {
  constructor() {
    this.now = 0;
    this.queue = new Map();
    this.nextId = 1;
  }

  setTimeout = (fn, ms) => {
    const id = this.nextId++;
    this.queue.set(id, { at: this.now + ms, fn });
    return id;
  };

  clearTimeout = (id) => {
    this.queue.delete(id);
  };

  /** Runs every timer due within `ms`, in time order, letting promises settle between them. */
  async advance(ms) {
    const end = this.now + ms;
    for (;;) {
      await settle();
      const due = [...this.queue.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.queue.delete(due[0]);
      this.now = due[1].at;
      due[1].fn();
    }
    this.now = end;
    await settle();
  }

  pending() {
    return this.queue.size;
  }
}

export async function settle() {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}

/** A deterministic [0, 1) sequence (a linear congruential generator), so a failure can be replayed. */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** sessionStorage's shape over a Map, so a test can hand one store to two clients as a reload would. */
export class MemoryStorage {
  constructor() {
    this.items = new Map();
  }

  getItem(key) {
    return this.items.has(key) ? this.items.get(key) : null;
  }

  setItem(key, value) {
    this.items.set(key, String(value));
  }
}
