/**
 * @module A real SMTP server for tests (Nodemailer's `smtp-server`, over TCP on a free port), whose
 * received mail is parsed by an independent parser (`mailparser`). It can refuse recipients with a
 * 4xx or 5xx, answer slowly, or hold one message's reply (to kill a sender mid-send); a message counts
 * as received only once the server has accepted it on a connection that is still open.
 */
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';

export interface Received {
  to: string[];
  from: string;
  raw: string;
  mail: ParsedMail;
  messageId: string;
}

export interface TestSmtp {
  port: number;
  url: string;
  received: Received[];
  /** Resolves when `n` messages have been received (rejects after `timeoutMs`). */
  waitFor(n: number, timeoutMs?: number): Promise<Received[]>;
  /** Per-recipient answer: undefined accepts, `{ code, message }` refuses. */
  rcpt?: (address: string) => { code: number; message: string } | undefined;
  /** Answer to a message's end of data, by its recipients: undefined accepts, `{ code, message }` refuses. */
  dataAnswer?: (to: string[]) => { code: number; message: string } | undefined;
  /** Delay before answering a message's DATA (ms), by message number (1-based, counting every DATA). */
  dataDelay?: (n: number) => number;
  /** Called when DATA for a message arrived (before the reply). */
  onData?: (n: number) => void;
  /** Called the moment the server has taken a message into its queue, just before it answers 250. */
  onAccepted?: (n: number) => void;
  to(address: string): Received[];
  close(): Promise<void>;
}

export async function startSmtp(port = 0): Promise<TestSmtp> {
  const closed = new Set<string>();
  let dataCount = 0;
  const waiters: { n: number; resolve: () => void }[] = [];
  const state: TestSmtp = {
    port: 0,
    url: '',
    received: [],
    waitFor(n, timeoutMs = 20_000) {
      if (state.received.length >= n) return Promise.resolve(state.received);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`waited for ${n} messages, got ${state.received.length}`)), timeoutMs);
        waiters.push({ n, resolve: () => (clearTimeout(timer), resolve(state.received)) });
      });
    },
    to: (address) => state.received.filter((r) => r.to.includes(address.toLowerCase())),
    close: () => new Promise((r) => server.close(() => r())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 10 * 1024 * 1024,
    onRcptTo(address, _session, cb) {
      const refusal = state.rcpt?.(address.address);
      if (refusal) return cb(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
      cb();
    },
    onClose(session: SMTPServerSession) {
      closed.add(session.id);
    },
    onData(stream, session, cb) {
      const n = ++dataCount;
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        state.onData?.(n);
        const delay = state.dataDelay?.(n) ?? 0;
        if (delay) await new Promise((r) => setTimeout(r, delay));
        if (closed.has(session.id)) return cb(new Error('connection gone'));
        const refusal = state.dataAnswer?.(session.envelope.rcptTo.map((r) => r.address.toLowerCase()));
        if (refusal) return cb(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
        const raw = Buffer.concat(chunks).toString('utf8');
        const mail = await simpleParser(raw);
        state.received.push({
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          raw,
          mail,
          messageId: mail.messageId ?? '',
        });
        // Taken into the server's queue: what happens now (a kill) happens before the client hears the 250.
        state.onAccepted?.(n);
        cb();
        for (const w of waiters.filter((w) => state.received.length >= w.n)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve();
        }
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  const addr = (server as unknown as { server: { address(): AddressInfo } }).server.address();
  state.port = addr.port;
  state.url = `smtp://127.0.0.1:${addr.port}?tls=off`;
  return state;
}
