import { Writable } from 'node:stream';
import { context, isSpanContextValid, trace, type Context } from '@opentelemetry/api';
import { SeverityNumber, type AnyValueMap, type Logger as OtelLogger } from '@opentelemetry/api-logs';

/** The ids of the active span, for pino's mixin: every line written inside a turn names its trace. */
export function traceIds(): { traceId?: string; spanId?: string } {
  const span = trace.getActiveSpan()?.spanContext();
  return span !== undefined && isSpanContextValid(span) ? { traceId: span.traceId, spanId: span.spanId } : {};
}

/**
 * Fields of our log lines that may leave the process: fixed names and counts. Everything else
 * (user ids, forum names, texts, error messages) stays in the local log only.
 */
const NAME_FIELDS = new Set(['component', 'job', 'signal', 'status', 'reason', 'activityType', 'auth', 'outcome']);
const NUMBER_FIELDS = new Set(['port', 'count', 'attempts', 'failures', 'abandoned', 'pauseMs', 'fora', 'members', 'turns', 'graceMs']);
const SAFE_NAME = /^[A-Za-z][A-Za-z0-9_.:/-]{0,63}$/;

const SEVERITY: Record<number, SeverityNumber> = { 10: SeverityNumber.TRACE, 20: SeverityNumber.DEBUG, 30: SeverityNumber.INFO, 40: SeverityNumber.WARN, 50: SeverityNumber.ERROR, 60: SeverityNumber.FATAL };

/** What of one pino line becomes a log record's attributes. */
export function safeLogAttributes(line: Record<string, unknown>): AnyValueMap {
  const attributes: AnyValueMap = {};
  for (const [key, value] of Object.entries(line)) {
    if (NUMBER_FIELDS.has(key) && typeof value === 'number') attributes[`forumbot.${key}`] = value;
    else if (NAME_FIELDS.has(key) && typeof value === 'string' && SAFE_NAME.test(value)) attributes[`forumbot.${key}`] = value;
  }
  const err = line['err'] as { type?: unknown } | undefined;
  if (typeof err?.type === 'string' && SAFE_NAME.test(err.type)) attributes['exception.type'] = err.type;
  return attributes;
}

/**
 * A second destination for pino: each line becomes an OpenTelemetry log record in the trace it was
 * written in. The body is the message, which our code writes as a fixed sentence, with the values in
 * fields; a message that carries more than a sentence of letters is replaced by its level.
 */
export function logRecordStream(logger: OtelLogger): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const text of chunk.toString().split('\n')) {
        if (text.trim() === '') continue;
        let line: Record<string, unknown>;
        try {
          line = JSON.parse(text) as Record<string, unknown>;
        } catch {
          continue;
        }
        const level = typeof line['level'] === 'number' ? line['level'] : 30;
        const msg = typeof line['msg'] === 'string' ? line['msg'] : '';
        const traceId = typeof line['traceId'] === 'string' ? line['traceId'] : undefined;
        const spanId = typeof line['spanId'] === 'string' ? line['spanId'] : undefined;
        let recordContext: Context | undefined;
        if (traceId !== undefined && spanId !== undefined) recordContext = trace.setSpanContext(context.active(), { traceId, spanId, traceFlags: 1 });
        logger.emit({
          severityNumber: SEVERITY[level] ?? SeverityNumber.INFO,
          body: safeMessage(msg),
          attributes: safeLogAttributes(line),
          ...(recordContext === undefined ? {} : { context: recordContext }),
        });
      }
      done();
    },
  });
}

/** Our messages are fixed sentences; digits, @, quotes or URLs mean a value was written into one. */
function safeMessage(msg: string): string {
  return /[0-9@"'<>]|https?:/.test(msg) ? msg.replace(/[^\s]*[0-9@"'<>][^\s]*|https?:\S+/g, '…') : msg;
}
