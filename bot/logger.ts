import { pino, type Logger } from 'pino';
import type { Logger as OtelLogger } from '@opentelemetry/api-logs';
import { logRecordStream, traceIds } from './telemetry/log-records';

export type { Logger };

/**
 * Structured JSON logs on stdout; secrets are never logged. Lines written inside a span carry its
 * trace and span ids; with `telemetryLogs` each line also goes out as a log record (safe fields only).
 */
export function createLogger(level: string, destination?: pino.DestinationStream, telemetryLogs?: OtelLogger): Logger {
  const target =
    telemetryLogs === undefined
      ? destination
      : pino.multistream([
          { level: 'trace', stream: destination ?? pino.destination(1) },
          { level: 'trace', stream: logRecordStream(telemetryLogs) },
        ]);
  return pino(
    {
      level,
      base: { service: 'forumbot' },
      timestamp: pino.stdTimeFunctions.isoTime,
      mixin: traceIds,
      redact: { paths: ['*.MicrosoftAppPassword', '*.appPassword', '*.clientSecret', '*.GRAPH_CLIENT_SECRET', '*.storageConnectionString', 'req.headers.authorization'], censor: '[hemmelig]' },
    },
    target,
  );
}
