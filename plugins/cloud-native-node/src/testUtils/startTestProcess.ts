import { spawn } from 'node:child_process';
import net from 'node:net';

/** A free TCP port on loopback, at the time of asking. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as net.AddressInfo;
  await new Promise(resolve => server.close(resolve));
  return port;
}

/** What {@link startTestProcess} starts and how it knows it is ready. */
export interface TestProcessOptions {
  /** Short name for errors, such as `prometheus`. */
  name: string;
  command: string;
  args: string[];
  /** Answers 2xx once the process serves. */
  readyUrl: string;
  readyTimeoutMs: number;
  /** Runs after the process stopped, also when it never became ready. */
  cleanUp?: () => void;
}

/**
 * Spawns a server binary and polls its ready URL. Resolves to `stop()`,
 * which sends SIGTERM (SIGKILL after 5 s), waits for the exit and cleans
 * up; safe to call twice. A process that exits or is not ready in time
 * is stopped and the error quotes the end of its output.
 */
export async function startTestProcess(
  options: TestProcessOptions,
): Promise<{ stop(): Promise<void> }> {
  const { name, readyTimeoutMs } = options;
  const child = spawn(options.command, options.args, {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let spawnError: Error | undefined;
  child.once('error', error => {
    spawnError = error;
  });

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    // A child that failed to spawn has no pid and emits no exit.
    if (
      child.pid !== undefined &&
      child.exitCode === null &&
      child.signalCode === null
    ) {
      const exited = new Promise(resolve => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    options.cleanUp?.();
  };

  const deadline = Date.now() + readyTimeoutMs;
  try {
    for (;;) {
      if (spawnError) {
        throw new Error(`${name} did not start: ${spawnError.message}`);
      }
      if (child.exitCode !== null) {
        throw new Error(`${name} exited with ${child.exitCode}: ${output}`);
      }
      try {
        const res = await fetch(options.readyUrl);
        if (res.ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        throw new Error(
          `${name} was not ready within ${readyTimeoutMs} ms: ${output}`,
        );
      }
      await new Promise(resolve => setTimeout(resolve, 200));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { stop };
}
