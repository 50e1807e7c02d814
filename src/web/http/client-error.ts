/**
 * @module The answer to a request Node refuses while parsing it, before Mizan sees it: an address or
 * headers past Node's header limit (16 KB; a 500-word search is 22 KB of address), or bytes that are not
 * HTTP. Node's own answer is a status line with an empty body, and past about 64 KB the connection is
 * cut while the client is still sending; here the reader gets a short page in English and Arabic
 * naming the problem, and the connection is closed gently. Addresses under the limit but over
 * MAX_URL_LENGTH get the site's own 414 page (pipeline.ts).
 */
import type { Socket } from 'node:net';
import { SECURITY_HEADERS } from './security-headers.ts';

interface Refusal {
  status: number;
  reason: string;
  en: string;
  ar: string;
}

const TOO_LONG: Refusal = {
  status: 431,
  reason: 'Request Header Fields Too Large',
  en: "The request's address or headers are too long for this site. Shorten the address (a search of fewer words) and try again.",
  ar: 'عنوان الطلب أو ترويساته أطول مما يقبله الموقع. اختصر العنوان (بحثًا بكلمات أقل) ثم أعد المحاولة.',
};

const TOO_SLOW: Refusal = {
  status: 408,
  reason: 'Request Timeout',
  en: 'The request took too long to arrive. Try again.',
  ar: 'استغرق وصول الطلب وقتًا أطول من اللازم. أعد المحاولة.',
};

const UNREADABLE: Refusal = {
  status: 400,
  reason: 'Bad Request',
  en: 'The request could not be read: it is not well-formed HTTP.',
  ar: 'تعذّرت قراءة الطلب: ليس طلب HTTP سليمًا.',
};

/** What a parse error deserves; undefined for a socket error (reset, broken pipe), where nothing can be said. */
function refusalFor(code: string | undefined): Refusal | undefined {
  if (code === 'HPE_HEADER_OVERFLOW') return TOO_LONG;
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return TOO_SLOW;
  if (code?.startsWith('HPE_')) return UNREADABLE;
  return undefined;
}

/**
 * The whole answer, status line to body, for the error code Node gives.
 *
 * @example clientErrorResponse('HPE_HEADER_OVERFLOW') // 'HTTP/1.1 431 Request Header Fields Too Large\r\n…'
 */
export function clientErrorResponse(code: string | undefined): string | undefined {
  const r = refusalFor(code);
  if (!r) return undefined;
  const body = `${r.status} ${r.reason}\n\n${r.en}\n\n${r.ar}\n`;
  const headers = {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
    'cache-control': 'no-store',
    connection: 'close',
    ...SECURITY_HEADERS,
  };
  return `HTTP/1.1 ${r.status} ${r.reason}\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n${body}`;
}

/** How long the rest of a refused request is read and dropped before the connection is cut. */
const LINGER_MS = 2000;

const answered = new WeakSet<Socket>();

/**
 * Node's `clientError` handler: writes the refusal where nothing of an answer went out on the
 * connection yet, then closes it. The rest of the request is read and dropped for a moment first:
 * closed with unread bytes, the connection would be reset, and a client still sending would lose the
 * answer with it.
 *
 * @example server.on('clientError', answerClientError)
 */
export function answerClientError(err: Error & { code?: string }, socket: Socket): void {
  // The parser keeps failing on the bytes that follow: answer once.
  if (answered.has(socket)) return;
  answered.add(socket);
  const response = clientErrorResponse(err.code);
  // An answer already under way (its headers sent) must not be corrupted by a second one.
  const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (!response || !socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  socket.end(response);
  const cut = setTimeout(() => socket.destroy(), LINGER_MS);
  cut.unref();
  socket.once('close', () => clearTimeout(cut));
}
