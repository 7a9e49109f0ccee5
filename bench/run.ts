/**
 * `npm run bench [names…]`: every benchmark (or those named) in turn, each in its own process (its own Azurite and servers,
 * so one cannot slow the other), with its defaults. Exits non-zero when a benchmark misses its target
 * or fails. At the end, the lines of each that judge it (its target or goal, the figures from before
 * quoted beside its own) are printed again together, so one run's outcome reads in one place.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BENCHES = ['turn-latency.bench.ts', 'member-fora.bench.ts', 'outbox.bench.ts', 'outbox-instances.bench.ts', 'job-runs.bench.ts', 'reach.bench.ts', 'action-items.bench.ts', 'reminders.bench.ts', 'minute-jobs.bench.ts', 'agenda-submit.bench.ts', 'picture.bench.ts', 'retention.bench.ts', 'leave.bench.ts'];

/** A line that judges a run or quotes the figures from before: repeated in the summary. */
const VERDICT = /\b(target|goal|before|missed)\b|→ (PASS|FAIL)/i;

/** The lines judging the run, and the last paragraph of its output (where the benchmarks put their result table). */
function verdictsOf(lines: readonly string[]): string[] {
  const end = lines.findLastIndex((line) => line.trim() !== '');
  const start = lines.slice(0, end + 1).findLastIndex((line) => line.trim() === '') + 1;
  const last = new Set(lines.slice(start, end + 1));
  return lines.filter((line, i) => (VERDICT.test(line) && !last.has(line)) || (i >= start && i <= end));
}

function runBench(file: string): Promise<{ code: number; verdicts: string[] }> {
  const script = fileURLToPath(new URL(file, import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      output += chunk.toString('utf8');
    });
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code: code ?? (signal === null ? 1 : 128), verdicts: verdictsOf(output.split('\n')) }));
  });
}

// `npm run bench -- reminders member-fora`: only those (by the start of their file name).
const asked = process.argv.slice(2);
const chosen = asked.length === 0 ? BENCHES : BENCHES.filter((file) => asked.some((name) => file.startsWith(name)));
if (chosen.length === 0) {
  console.error(`no benchmark named ${asked.join(', ')}; there are: ${BENCHES.map((f) => f.replace('.bench.ts', '')).join(', ')}`);
  process.exit(2);
}

const outcomes: { file: string; code: number; seconds: number; verdicts: string[] }[] = [];
for (const file of chosen) {
  console.log(`\n=== ${file} ===`);
  const started = performance.now();
  const { code, verdicts } = await runBench(file);
  outcomes.push({ file, code, verdicts, seconds: (performance.now() - started) / 1000 });
}
console.log('\n=== summary: each benchmark’s verdict and the figures from before it quotes ===');
for (const o of outcomes) {
  console.log(`\n${o.file.padEnd(26)} ${o.code === 0 ? 'target met' : `TARGET MISSED or failed (exit ${o.code})`}  ${o.seconds.toFixed(1)} s`);
  for (const line of o.verdicts) console.log(`  ${line.trim()}`);
}
process.exitCode = outcomes.every((o) => o.code === 0) ? 0 : 1;
