/**
 * @module Mail: e-mail alerts and newsletters. Subscribing with double opt-in, the publish hook that
 * queues alerts in the publishing transaction, the outbox worker, the SMTP adapter, newsletters,
 * and what privacy asks (CSV export, deletion). Design and figures: docs/mail.md.
 */
export { checkAddress, AddressError, type AddressProblem, type CheckedAddress } from './address.ts';
export * from './subscribe.ts';
export { queueAlerts, translationGroup } from './queue-alerts.ts';
export { nextDigestAt, lastDigestAt, zonedInstant, parseDigestAt, releaseDigests, DEFAULT_DIGEST, NEXT_DIGEST, type DigestSchedule } from './digest-schedule.ts';
export { claimBatch, markSent, recordProgress, requeue, IN_DOUBT, type OutboxRow } from './claim.ts';
export { composeMail, mailLinks, type MailSettings, type OutgoingMail, type MailJob } from './compose.ts';
export { renderMail } from './render-mail.ts';
export { smtpMailer, classify, SendError, addressOf, type Mailer } from './smtp.ts';
export { mailConfig, digestSchedule, type MailConfig } from './config.ts';
export { MailWorker, type WorkerOptions, type TickResult } from './worker.ts';
export { mailStatus, type MailStatus } from './status.ts';
export { subscribersCsv } from './export-csv.ts';
export * from './newsletters.ts';
export { mdb, type MailTables, type Frequency, type FollowKind } from './tables.ts';
export { IP_LIMIT, MAILBOX_LIMIT } from './throttle.ts';
export { CONFIRM_TTL_MS } from './tokens.ts';
export { parseDsn, applyDsn, recordBounce, reportBounce, NotADsnError, SOFT_LIMIT, type Dsn, type BounceOutcome } from './bounce.ts';
