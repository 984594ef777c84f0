// Starts `herald local` from the built jar on free ports for a test file, and stops it whatever happens.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import WebSocket from 'ws';
import { HeraldClient } from '../herald-client.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const JAR = path.join(ROOT, 'target/herald.jar');
const running = new Set();

// Whatever ends the test process, no stack outlives it.
process.on('exit', () => running.forEach((child) => child.kill('SIGKILL')));

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * @returns {Promise<{port: number, http: string, ws: string, output: () => string, stop: () => Promise<void>,
 *   token: (sub: string, claims?: string[]) => Promise<string>, send: (body: object) => Promise<any>,
 *   dropAll: () => Promise<number>, connections: () => Promise<any[]>}>}
 */
export async function startLocalStack() {
  if (!existsSync(JAR)) throw new Error(`${JAR} is missing: build it first (mvn -B -DskipTests package)`);
  const port = await freePort();
  const sqsPort = await freePort();
  const child = spawn('java', ['-jar', JAR, 'local', '--port', String(port), '--sqs-port', String(sqsPort)],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let output = '';
  child.stdout.on('data', (chunk) => { output += chunk; });
  child.stderr.on('data', (chunk) => { output += chunk; });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  await new Promise((resolve, reject) => {
    // Generous: the JVM and the embedded SQS start slowly on a busy 2-core machine.
    const timer = setTimeout(() => reject(new Error(`herald local did not start in 120 s:\n${output}`)), 120_000);
    child.stdout.on('data', () => {
      if (output.includes('Herald is running')) { clearTimeout(timer); resolve(); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`herald local exited with ${code}:\n${output}`)); });
  });
  const http = `http://localhost:${port}`;
  const stack = {
    port,
    http,
    ws: `ws://localhost:${port}/prod`,
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const forced = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(forced);
      }
      running.delete(child);
    },
    async token(sub, claims = []) {
      return (await post(`${http}/dev/token`, { sub, claims, ttlSeconds: 600 })).token;
    },
    send: (body) => post(`${http}/dev/notifications`, body),
    async connections() {
      return (await (await fetch(`${http}/dev/connections`)).json()).connections;
    },
    /** Closes every open connection from the server side, as DELETE @connections does on AWS. */
    async dropAll() {
      const open = await stack.connections();
      for (const { connectionId } of open) {
        const response = await fetch(`${http}/prod/@connections/${encodeURIComponent(connectionId)}`, { method: 'DELETE' });
        if (response.status !== 204) throw new Error(`DELETE @connections/${connectionId} answered ${response.status}`);
      }
      return open.length;
    },
  };
  return stack;
}

async function post(url, body) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const answer = await response.json();
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${answer.message}`);
  return answer;
}

/** Resolves with the first detail of `type` that `accept` takes; rejects after `ms` (a hang, not a timing check). */
export function next(client, type, accept = () => true, ms = 30_000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { off(); reject(new Error(`no matching '${type}' event within ${ms} ms`)); }, ms);
    const off = client.on(type, (detail) => {
      if (accept(detail)) { clearTimeout(timer); off(); resolve(detail); }
    });
  });
}

/**
 * A client of a target that stays connected while the one under test is away, so a test knows Herald has handled
 * (recorded, then fanned out) each notification it sends, without waiting on a clock.
 * @param {Awaited<ReturnType<typeof startLocalStack>>} stack
 * @param {{user: string, claims?: string[], subscribeTo?: string[]}} who
 */
export async function witness(stack, { user, claims = [], subscribeTo = [] }) {
  const client = new HeraldClient({ url: stack.ws, WebSocket, getToken: () => stack.token(user, claims) });
  const heard = new Set();
  client.on('notification', (event) => heard.add(event.id));
  const opened = next(client, 'state', (s) => s.state === 'open');
  const subscribed = Promise.all(subscribeTo.map((claim) => next(client, 'reply', (r) => r.type === 'subscribed' && r.claimId === claim)));
  subscribeTo.forEach((claim) => client.subscribe(claim));
  await client.connect();
  await opened;
  await subscribed;
  return {
    /** Sends one notification and resolves once the witness has it. @param {{id: string}} body */
    async sendAndWait(body) {
      const arrived = heard.has(body.id) ? Promise.resolve() : next(client, 'notification', (n) => n.id === body.id);
      await stack.send(body);
      await arrived;
    },
    /** Sends them all, then resolves once the witness has every one, in whatever order Herald handled them. */
    async sendAllAndWait(bodies) {
      const all = new Promise((resolve) => {
        const check = () => { if (bodies.every((b) => heard.has(b.id))) { off(); resolve(); } };
        const off = client.on('notification', check);
      });
      for (const body of bodies) await stack.send(body);
      await all;
    },
    close: () => client.close(),
  };
}
