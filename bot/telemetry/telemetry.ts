import os from 'node:os';
import { context, metrics, trace } from '@opentelemetry/api';
import type { Logger as OtelLogger } from '@opentelemetry/api-logs';
import { AzureMonitorLogExporter, AzureMonitorMetricExporter, AzureMonitorTraceExporter } from '@azure/monitor-opentelemetry-exporter';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchLogRecordProcessor, LoggerProvider, SimpleLogRecordProcessor, type LogRecordExporter } from '@opentelemetry/sdk-logs';
import { MeterProvider, PeriodicExportingMetricReader, type PushMetricExporter } from '@opentelemetry/sdk-metrics';
import { BasicTracerProvider, BatchSpanProcessor, SimpleSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';

/** Where telemetry goes: Azure Monitor by connection string, or given exporters (tests: in memory). */
export interface TelemetryOptions {
  applicationInsightsConnectionString?: string;
  exporters?: { spans: SpanExporter; metrics: PushMetricExporter; logs: LogRecordExporter };
  /** How often metrics are exported (default 60 s). */
  metricIntervalMs?: number;
}

export interface Telemetry {
  enabled: boolean;
  /** Where pino's lines go as log records (with only the safe fields); undefined when off. */
  logs?: OtelLogger;
  /** Exports what is pending (tests, and before the process exits). */
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

const OFF: Telemetry = { enabled: false, flush: () => Promise.resolve(), shutdown: () => Promise.resolve() };

/**
 * Sets up OpenTelemetry for this process: tracer and meter providers registered globally (the code
 * asks the API for them), spans carried across awaits, log records for pino. Without a connection
 * string or exporters nothing is set up and the API stays the no-op it is by default.
 */
export function startTelemetry(options: TelemetryOptions): Telemetry {
  const connectionString = options.applicationInsightsConnectionString;
  if (options.exporters === undefined && connectionString === undefined) return OFF;
  const inMemory = options.exporters !== undefined;
  const exporters = options.exporters ?? {
    spans: new AzureMonitorTraceExporter({ connectionString }),
    metrics: new AzureMonitorMetricExporter({ connectionString }),
    logs: new AzureMonitorLogExporter({ connectionString }),
  };
  // The instance, never the person: App Service names its instances, elsewhere the host name.
  const resource = resourceFromAttributes({
    'service.name': 'forumbot',
    'service.instance.id': process.env.WEBSITE_INSTANCE_ID ?? os.hostname(),
  });

  // A previous registration (another test's) would keep its providers: start from a clean API.
  trace.disable();
  metrics.disable();
  context.disable();
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());

  const tracerProvider = new BasicTracerProvider({
    resource,
    spanProcessors: [inMemory ? new SimpleSpanProcessor(exporters.spans) : new BatchSpanProcessor(exporters.spans)],
  });
  trace.setGlobalTracerProvider(tracerProvider);
  const reader = new PeriodicExportingMetricReader({ exporter: exporters.metrics, exportIntervalMillis: options.metricIntervalMs ?? 60_000 });
  const meterProvider = new MeterProvider({ resource, readers: [reader] });
  metrics.setGlobalMeterProvider(meterProvider);
  const loggerProvider = new LoggerProvider({
    resource,
    processors: [inMemory ? new SimpleLogRecordProcessor(exporters.logs) : new BatchLogRecordProcessor(exporters.logs)],
  });

  return {
    enabled: true,
    logs: loggerProvider.getLogger('forumbot'),
    async flush() {
      await Promise.all([tracerProvider.forceFlush(), meterProvider.forceFlush(), loggerProvider.forceFlush()]);
    },
    async shutdown() {
      await Promise.allSettled([tracerProvider.shutdown(), meterProvider.shutdown(), loggerProvider.shutdown()]);
      trace.disable();
      metrics.disable();
      context.disable();
    },
  };
}
