// The browser's live stream (docs/API.md, "Live streams"): one WebSocket per tab, opened with a
// fresh single-use ticket on every (re)connect, resumed or resubscribed after a drop with backoff,
// and closed when the session ends. Pages ask for quotes with subscribe(symbols, onQuote); anyone
// may listen for fired alerts with onAlert(handler). `streamStatus` says how the stream stands.
import { store } from './store.js';
import { tokens, me } from './session.js';
import { api } from './api.js';
import { toast } from '../ui/toast.js';

// 'idle' (nothing asked yet) | 'connecting' | 'live' | 'offline'
export const streamStatus = store('idle');
// The server's limits from its welcome ({ symbols, messagesPerSecond, ... }), or null until known.
export const streamLimits = store(null);

const BACKOFF_MS = [500, 1000, 2000, 5000, 10000, 20000, 30000];

const quoteHandlers = new Map(); // symbol (upper case) -> Set of handlers
const lastQuotes = new Map(); // symbol -> its latest quote, handed to a late subscriber at once
const alertHandlers = new Set();

let socket = null;
let welcomed = false;
let streamId = null; // the last stream's id, for resume
let lastSeq = 0;
let attempt = 0;
let retryTimer = null;
let watchdog = null;
let heartbeatMs = 15000;
let lastHeard = 0;
let flushQueued = false;
const sentSymbols = new Set(); // what the server knows we watch on this connection
let droppedSymbols = []; // what the dropped connection's stream watched, kept by a resume

function wanted() {
  return quoteHandlers.size > 0 || alertHandlers.size > 0;
}

// A ticket is refused to an account that must change its password or enrol a second factor first
// (the app sends it to that step): the stream waits for an account that may use it.
function allowed() {
  const user = me.get();
  if (!tokens.get() || !user || tokens.get().passwordChangeRequired || user.passwordChangeRequired) return false;
  return !(user.roles || []).includes('admin') || user.twoFactorEnabled;
}

function ensure() {
  if (socket || retryTimer || !allowed() || !wanted()) return;
  connect();
}

async function connect() {
  streamStatus.set('connecting');
  let ticket;
  try {
    ticket = await api.post('/api/v1/stream/tickets', undefined, { quiet: true });
  } catch {
    retry();
    return;
  }
  if (!allowed() || !wanted()) { streamStatus.set('idle'); return; }
  const address = new URL(ticket.url || `/ws/stream?ticket=${encodeURIComponent(ticket.ticket)}`, location.href);
  address.protocol = address.protocol === 'https:' ? 'wss:' : 'ws:';
  const ws = new WebSocket(address);
  socket = ws;
  welcomed = false;
  sentSymbols.clear();
  ws.onmessage = (event) => {
    if (socket !== ws) return;
    lastHeard = Date.now();
    let message;
    try { message = JSON.parse(event.data); } catch { return; }
    handle(message);
  };
  ws.onclose = () => {
    if (socket !== ws) return;
    socket = null;
    welcomed = false;
    droppedSymbols = [...sentSymbols];
    clearInterval(watchdog);
    if (allowed() && wanted()) retry();
    else streamStatus.set('idle');
  };
  ws.onerror = () => { /* onclose follows and retries */ };
}

function retry() {
  streamStatus.set('offline');
  clearTimeout(retryTimer);
  const base = BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)];
  attempt += 1;
  retryTimer = setTimeout(() => { retryTimer = null; ensure(); }, base + Math.random() * base * 0.3);
}

function send(message) {
  if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
}

function handle(message) {
  switch (message.type) {
    case 'welcome': {
      welcomed = true;
      attempt = 0;
      heartbeatMs = message.heartbeatMs || heartbeatMs;
      streamLimits.set(message.limits || null);
      startWatchdog();
      streamStatus.set('live');
      if (streamId && lastSeq > 0) {
        // Replays what the drop missed (an alert that fired meanwhile); then our symbols are topped up.
        send({ type: 'resume', stream: streamId, lastSeq });
      } else {
        streamId = message.stream;
        lastSeq = 0;
        flush();
      }
      break;
    }
    case 'resumed':
      streamId = message.stream;
      // The resumed stream watches what the old connection watched: only differences are sent.
      sentSymbols.clear();
      droppedSymbols.forEach((symbol) => sentSymbols.add(symbol));
      flush();
      break;
    case 'batch':
      (message.messages || []).forEach(handle);
      break;
    case 'snapshot':
    case 'update':
      seen(message.seq);
      if (message.channel === 'quote' && message.data) deliver(message.data);
      break;
    case 'alert':
      seen(message.seq);
      alertHandlers.forEach((handler) => safely(handler, message.data));
      break;
    case 'heartbeat':
      break;
    case 'error':
      if (message.code === 'resume-unavailable') {
        streamId = null;
        lastSeq = 0;
        sentSymbols.clear();
        flush();
      } else {
        toast('Live stream', message.message || message.code, 'warn');
      }
      break;
    default:
      break;
  }
}

function seen(seq) {
  if (typeof seq === 'number' && seq > lastSeq) lastSeq = seq;
}

function deliver(quote) {
  const symbol = String(quote.symbol).toUpperCase();
  lastQuotes.set(symbol, quote);
  quoteHandlers.get(symbol)?.forEach((handler) => safely(handler, quote));
}

function safely(handler, value) {
  try { handler(value); } catch (error) { console.warn('A stream listener failed', error); }
}

// No message for two and a half heartbeats: the connection is dead though no close arrived.
function startWatchdog() {
  clearInterval(watchdog);
  lastHeard = Date.now();
  watchdog = setInterval(() => {
    if (Date.now() - lastHeard > heartbeatMs * 2.5) socket?.close();
    else if (Date.now() - lastHeard > heartbeatMs * 1.5) send({ type: 'ping' });
  }, Math.max(1000, heartbeatMs / 2));
}

// Sends what changed in the wanted symbols since the last flush, once per task.
function scheduleFlush() {
  if (flushQueued) return;
  flushQueued = true;
  queueMicrotask(() => { flushQueued = false; flush(); });
}

function flush() {
  if (!socket || !welcomed) { ensure(); return; }
  const limit = streamLimits.get()?.symbols ?? 50;
  const want = [...quoteHandlers.keys()];
  const gone = [...sentSymbols].filter((s) => !quoteHandlers.has(s));
  if (gone.length) {
    send({ type: 'unsubscribe', symbols: gone });
    gone.forEach((s) => sentSymbols.delete(s));
  }
  const room = Math.max(0, limit - sentSymbols.size);
  const fresh = want.filter((s) => !sentSymbols.has(s)).slice(0, room);
  if (fresh.length) {
    send({ type: 'subscribe', symbols: fresh, channels: ['quote'] });
    fresh.forEach((s) => sentSymbols.add(s));
  }
}

// Follows the symbols' quotes: onQuote(quote) with each new one (the quote as GET /api/v1/quotes
// answers it). Answers the function that stops following. At most the server's symbol limit per
// tab are live (streamLimits); isLive(symbol) says whether one is.
export function subscribe(symbols, onQuote) {
  const list = [...new Set(symbols.map((s) => String(s).toUpperCase()))];
  for (const symbol of list) {
    if (!quoteHandlers.has(symbol)) quoteHandlers.set(symbol, new Set());
    quoteHandlers.get(symbol).add(onQuote);
    const known = lastQuotes.get(symbol);
    if (known && sentSymbols.has(symbol)) queueMicrotask(() => safely(onQuote, known));
  }
  ensure();
  scheduleFlush();
  return () => {
    for (const symbol of list) {
      const handlers = quoteHandlers.get(symbol);
      if (!handlers) continue;
      handlers.delete(onQuote);
      if (!handlers.size) { quoteHandlers.delete(symbol); lastQuotes.delete(symbol); }
    }
    scheduleFlush();
  };
}

export function isLive(symbol) {
  return sentSymbols.has(String(symbol).toUpperCase()) && streamStatus.get() === 'live';
}

// Calls handler(data) for each alert of the signed-in user that fires while this tab is open
// (data: { alert, symbol, condition, firedAt, price, priceTime, values, provider, demo }).
export function onAlert(handler) {
  alertHandlers.add(handler);
  ensure();
  return () => alertHandlers.delete(handler);
}

// The session ended (or another one began): this connection spoke for the old one.
let sessionUser = tokens.get()?.refreshToken ?? null;
tokens.subscribe((pair) => {
  if (!pair) {
    streamId = null;
    lastSeq = 0;
    clearTimeout(retryTimer);
    retryTimer = null;
    const open = socket;
    socket = null;
    open?.close();
    clearInterval(watchdog);
    streamStatus.set('idle');
    sessionUser = null;
    return;
  }
  if (!sessionUser) { sessionUser = pair.refreshToken; ensure(); }
});
me.subscribe(() => ensure());
