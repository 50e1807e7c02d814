/**
 * Regression: a 500-word Arabic search (a 22 KB address) got 431 with an empty body from Node's own
 * header limit, before Mizan saw the request, and about 100 KB reset the connection. Requests Node
 * refuses while parsing get a short page in English and Arabic, `Connection: close`, over a real socket.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { openStore } from '../../src/store/index.ts';
import { createWebApp, listen, type Listening } from '../../src/web/index.ts';
import { clientErrorResponse } from '../../src/web/http/client-error.ts';

let store: Awaited<ReturnType<typeof openStore>>;
let server: Listening;
let port: number;

before(async () => {
  store = await openStore({ db: ':memory:' });
  server = await listen(createWebApp({ store }, { noCache: true }), { port: 0, host: '127.0.0.1' });
  port = Number(new URL(server.url).port);
});
after(async () => {
  await server?.close({ graceMs: 100 });
  await store?.close();
});

interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Everything the server sent, in order. */
  raw: string;
}

/**
 * Writes `requests` on one connection, each after the answer to the one before began to arrive, and
 * reads until the server closes it; the last answer is parsed.
 */
function rawExchange(requests: string[]): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const waiting = requests.slice(1);
    socket.on('data', (d) => {
      chunks.push(d);
      const next = waiting.shift();
      if (next) socket.write(next);
    });
    socket.on('error', reject);
    socket.on('close', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const last = raw.slice(raw.lastIndexOf('HTTP/1.1 '));
      const [head, ...rest] = last.split('\r\n\r\n');
      const [statusLine, ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n'), raw });
    });
    socket.write(requests[0]);
  });
}

function assertExplained(a: RawAnswer, status: number, en: RegExp, ar: RegExp): void {
  assert.equal(a.status, status, a.raw.slice(0, 200));
  assert.equal(a.headers.connection, 'close');
  assert.equal(a.headers['content-type'], 'text/plain; charset=utf-8');
  assert.equal(Number(a.headers['content-length']), Buffer.byteLength(a.body));
  assert.match(a.body, en);
  assert.match(a.body, ar);
}

async function stillServing(): Promise<void> {
  const res = await fetch(server.url + '/healthz');
  assert.equal(res.status, 200);
  await res.arrayBuffer();
}

const TOO_LONG_EN = /address or headers are too long/;
const TOO_LONG_AR = /عنوان الطلب أو ترويساته أطول مما يقبله الموقع/;

test('a 30 KB request line gets 431 with a page naming the problem in English and Arabic, and Connection: close', async () => {
  const a = await rawExchange([`GET /ar/search?q=${'%D8%A7'.repeat(5000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`]);
  assertExplained(a, 431, TOO_LONG_EN, TOO_LONG_AR);
  await stillServing();
});

test('oversized headers get the same 431 page', async () => {
  const headers = Array.from({ length: 30 }, (_, i) => `X-Filler-${i}: ${'y'.repeat(1000)}\r\n`).join('');
  const a = await rawExchange([`GET / HTTP/1.1\r\nHost: localhost\r\n${headers}\r\n`]);
  assertExplained(a, 431, TOO_LONG_EN, TOO_LONG_AR);
  await stillServing();
});

test('bytes that are not HTTP get 400 with a page saying so', async () => {
  const a = await rawExchange(['GET / HTTP/1.1\r\nHost: localhost\r\nBad Header Name: x\r\n\r\n']);
  assertExplained(a, 400, /could not be read/, /تعذّرت قراءة الطلب/);
  await stillServing();
});

test('after an answered request on a kept-alive connection, an oversized one is still explained', async () => {
  const a = await rawExchange([`GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n`, `GET /search?q=${'x'.repeat(30_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`]);
  assert.match(a.raw, /^HTTP\/1\.1 200 /, 'the first request was answered');
  assertExplained(a, 431, TOO_LONG_EN, TOO_LONG_AR);
});

test('a 500-word Arabic search (22 KB) and a 100 KB address reach the reader as 431 pages, not empty answers or resets', async () => {
  const words = Array.from({ length: 500 }, (_, i) => ['العلاقات', 'الجزائرية', 'الروسية', 'بعد', 'غزو', 'أوكرانيا'][i % 6]).join(' ');
  for (const q of [words, 'x'.repeat(100_000)]) {
    const res = await fetch(`${server.url}/ar/search?q=${encodeURIComponent(q)}`);
    assert.equal(res.status, 431);
    assert.equal(res.headers.get('connection'), 'close');
    const body = await res.text();
    assert.match(body, TOO_LONG_EN);
    assert.match(body, TOO_LONG_AR);
  }
  await stillServing();
});

test('socket errors (not parse errors) get no answer: nothing can be said on a reset connection', () => {
  assert.equal(clientErrorResponse('ECONNRESET'), undefined);
  assert.match(clientErrorResponse('HPE_HEADER_OVERFLOW')!, /^HTTP\/1\.1 431 Request Header Fields Too Large\r\n/);
  assert.match(clientErrorResponse('HPE_INVALID_METHOD')!, /^HTTP\/1\.1 400 Bad Request\r\n/);
});
