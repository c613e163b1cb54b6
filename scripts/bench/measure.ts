/**
 * Runs one step as a child process and measures its wall time and memory.
 *
 * Memory is measured two ways, because a step is often more than one process (the build starts
 * the Pagefind binary; Chromium has several):
 * - `peakRss`: the largest sum of VmRSS over the whole process tree, sampled every 50 ms from
 *   `/proc` (what the machine must have free);
 * - `largestProcessRss`: the peak RSS of the largest single process, exact, from GNU
 *   `/usr/bin/time -v` when it is installed (Debian package `time`), else the largest sample.
 * GNU time also gives the CPU time, which other work on a shared machine disturbs less than the
 * wall time.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export interface StepResult {
  wallMs: number;
  peakRss: number;
  largestProcessRss: number;
  /** User + system CPU time of the process and its waited-for children (GNU time), 0 when unknown. */
  cpuMs: number;
  exitCode: number | null;
  output: string;
}

const GNU_TIME = '/usr/bin/time';

/** Parent pid → children, from one pass over /proc. */
function processTable(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Field 4 (ppid) comes after the command name in parentheses, which may contain spaces.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      /* the process ended meanwhile */
    }
  }
  return children;
}

function rssOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** RSS of `root` and all its descendants: the sum, and the largest one. */
function treeRss(root: number): { sum: number; max: number } {
  const children = processTable();
  let sum = 0;
  let max = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    const rss = rssOf(pid);
    sum += rss;
    max = Math.max(max, rss);
    stack.push(...(children.get(pid) ?? []));
  }
  return { sum, max };
}

export interface StepOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Echo the child's output while it runs (long steps), besides keeping it. */
  echo?: boolean;
}

/** Runs `command args` in `cwd` and measures it; never throws on a failed exit, the caller decides. */
export function runStep(command: string, args: string[], options: StepOptions): Promise<StepResult> {
  const timeFile = join(options.cwd, `.bench-time-${process.pid}-${Date.now()}.txt`);
  const useTime = existsSync(GNU_TIME);
  const [file, argv] = useTime ? [GNU_TIME, ['-v', '-o', timeFile, command, ...args]] : [command, args];
  const started = performance.now();
  const child = spawn(file, argv, {
    cwd: options.cwd,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer): void => {
    output += chunk.toString('utf8');
    if (options.echo) process.stderr.write(chunk);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let peakRss = 0;
  let sampledMax = 0;
  const sample = (): void => {
    if (child.pid === undefined) return;
    const { sum, max } = treeRss(child.pid);
    peakRss = Math.max(peakRss, sum);
    sampledMax = Math.max(sampledMax, max);
  };
  const timer = setInterval(sample, 50);
  return new Promise((resolve, reject) => {
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (exitCode) => {
      clearInterval(timer);
      const wallMs = performance.now() - started;
      let largestProcessRss = sampledMax;
      let cpuMs = 0;
      if (useTime && existsSync(timeFile)) {
        const report = readFileSync(timeFile, 'utf8');
        const seconds = (label: string): number => Number(new RegExp(`${label} time \\(seconds\\): ([\\d.]+)`).exec(report)?.[1] ?? 0);
        const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(report);
        if (m) largestProcessRss = Number(m[1]) * 1024;
        cpuMs = (seconds('User') + seconds('System')) * 1000;
        rmSync(timeFile, { force: true });
      }
      resolve({ wallMs, peakRss: Math.max(peakRss, largestProcessRss), largestProcessRss, cpuMs, exitCode, output });
    });
  });
}

/** Throws with the tail of the output when a step failed. */
export function assertSucceeded(name: string, result: StepResult): void {
  if (result.exitCode === 0) return;
  const tail = result.output.split('\n').slice(-60).join('\n');
  throw new Error(`${name} failed (exit ${String(result.exitCode)}):\n${tail}`);
}
