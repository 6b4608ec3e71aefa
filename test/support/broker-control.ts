import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

function kafkaScript(command: 'up' | 'down', timeoutMs: number): void {
  const started = Date.now();
  try {
    execFileSync('bash', [join(ROOT, 'scripts', 'kafka.sh'), command], { cwd: ROOT, timeout: timeoutMs, stdio: ['ignore', 'pipe', 'pipe'] });
    // One line per outage step in the test log: how long the broker took is the first thing to know when this tier is slow.
    process.stderr.write(`[broker-control] kafka.sh ${command}: ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  } catch (error) {
    const { stderr } = error as { stderr?: Buffer };
    throw new Error(`scripts/kafka.sh ${command} failed: ${String(error)}\n${stderr?.toString() ?? ''}`);
  }
}

/** Stops the local broker (scripts/kafka.sh down); its data stays. */
export function stopKafka(): void {
  kafkaScript('down', 60_000);
}

/** Starts the local broker again on the same data and waits until it serves clients. */
export function startKafka(): void {
  kafkaScript('up', 150_000);
}
