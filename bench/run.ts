/**
 * `npm run bench`: every benchmark in turn, each in its own process (its own Azurite and servers,
 * so one cannot slow the other), with its defaults. Exits non-zero when a benchmark misses its target
 * or fails.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BENCHES = ['turn-latency.bench.ts', 'member-fora.bench.ts', 'outbox.bench.ts', 'outbox-instances.bench.ts', 'job-runs.bench.ts', 'reach.bench.ts', 'action-items.bench.ts', 'reminders.bench.ts', 'agenda-submit.bench.ts', 'picture.bench.ts', 'retention.bench.ts', 'leave.bench.ts'];

function runBench(file: string): Promise<number> {
  const script = fileURLToPath(new URL(file, import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal === null ? 1 : 128)));
  });
}

const outcomes: { file: string; code: number; seconds: number }[] = [];
for (const file of BENCHES) {
  console.log(`\n=== ${file} ===`);
  const started = performance.now();
  const code = await runBench(file);
  outcomes.push({ file, code, seconds: (performance.now() - started) / 1000 });
}
console.log('\n=== summary ===');
for (const o of outcomes) console.log(`${o.file.padEnd(26)} ${o.code === 0 ? 'target met' : `TARGET MISSED or failed (exit ${o.code})`}  ${o.seconds.toFixed(1)} s`);
process.exitCode = outcomes.every((o) => o.code === 0) ? 0 : 1;
