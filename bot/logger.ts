import { pino, type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs on stdout; secrets are never logged. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'forumbot' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: ['*.MicrosoftAppPassword', '*.appPassword', '*.clientSecret', '*.GRAPH_CLIENT_SECRET', '*.storageConnectionString', 'req.headers.authorization'], censor: '[hemmelig]' },
    },
    destination,
  );
}
