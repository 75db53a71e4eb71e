/**
 * The bench's per-format figures (`npm run bench -- --formats`): the built command once per
 * output format on the bench log, each alone, with its wall time, peak RSS (`/usr/bin/time`) and
 * the size of the report against the input's. The HTML report is handed, before it is removed,
 * to `scripts/bench-html.ts` when that file exists (its first render in Chromium is measured
 * there, by the HTML report's owners): it exports `measureHtml(path)`, resolving to named figures.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every format of `check`, in the order the bench runs them. */
export const BENCH_FORMATS = ['ndjson', 'json', 'junit', 'sarif', 'markdown', 'text', 'html'] as const;
export type BenchFormat = (typeof BENCH_FORMATS)[number];

/** One format's run. */
export interface FormatFigures {
  format: BenchFormat;
  seconds: number;
  peakRssMb: number;
  reportBytes: number;
  /** Bytes of report per byte of input. */
  bytesPerInputByte: number;
  exitCode: number;
  /** What `scripts/bench-html.ts` measured of the HTML report, when it exists. */
  html?: Record<string, number | string>;
}

/** How to run the command on the bench log. */
export interface FormatRun {
  cli: string;
  /** The input and the options before `--format` (`check FILE --as-of ...`). */
  args: readonly string[];
  inputBytes: number;
  /** Where the reports are written (each removed once measured). */
  dir: string;
  cwd: string;
}

type _HtmlHook = (path: string) => Promise<Record<string, number | string>>;

/** `measureHtml` of `scripts/bench-html.ts`, or undefined when that file is not there. */
async function _htmlHook(): Promise<_HtmlHook | undefined> {
  const file = new URL('./bench-html.ts', import.meta.url);
  if (!existsSync(file)) return undefined;
  const mod = (await import(file.href)) as { measureHtml?: _HtmlHook };
  if (typeof mod.measureHtml !== 'function')
    throw new Error('scripts/bench-html.ts must export measureHtml(path)');
  return mod.measureHtml;
}

/** Runs `node cli ...args` under `/usr/bin/time`, standard output to `out`; wall ms, peak RSS and exit code. */
export async function timedRun(
  cli: string,
  args: readonly string[],
  out: string,
  cwd: string,
): Promise<{ ms: number; peakRssMb: number; cpuMs: number; exitCode: number }> {
  const timeFile = `${out}.time`;
  const fd = openSync(out, 'w');
  const t0 = performance.now();
  const child = spawn(
    '/usr/bin/time',
    ['-f', '%e %M %U %S', '-o', timeFile, process.execPath, cli, ...args],
    {
      cwd,
      stdio: ['ignore', fd, 'inherit'],
    },
  );
  const exitCode = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
  const ms = performance.now() - t0;
  closeSync(fd);
  const [, kb, user, sys] = readFileSync(timeFile, 'utf8').trim().split('\n').pop()?.split(' ') ?? [];
  rmSync(timeFile, { force: true });
  return { ms, peakRssMb: Number(kb) / 1024, cpuMs: (Number(user) + Number(sys)) * 1000, exitCode };
}

/**
 * Every format, one after the other (never two at once: each peak is its own).
 *
 * @example
 * const figures = await measureFormats({ cli: 'dist/cli.js', args: ['check', 'log.ndjson', '--as-of', asOf], inputBytes, dir, cwd });
 */
export async function measureFormats(
  run: FormatRun,
  say: (line: string) => void,
  formats: readonly BenchFormat[] = BENCH_FORMATS,
): Promise<FormatFigures[]> {
  if (!existsSync('/usr/bin/time')) throw new Error('--formats needs /usr/bin/time (Debian package "time")');
  const html = await _htmlHook();
  const out: FormatFigures[] = [];
  for (const format of formats) {
    const file = join(run.dir, `report-${process.pid}.${format}`);
    try {
      const r = await timedRun(
        run.cli,
        [...run.args, '--format', format, '--fail-on', 'none', '--quiet'],
        file,
        run.cwd,
      );
      const reportBytes = statSync(file).size;
      const figures: FormatFigures = {
        format,
        seconds: Math.round(r.ms / 10) / 100,
        peakRssMb: Math.round(r.peakRssMb),
        reportBytes,
        bytesPerInputByte: Math.round((reportBytes / run.inputBytes) * 100) / 100,
        exitCode: r.exitCode,
      };
      if (format === 'html' && html && r.exitCode === 0) figures.html = await html(file);
      say(
        `    ${format.padEnd(8)} ${`${figures.seconds} s`.padStart(9)}  peak RSS ${`${figures.peakRssMb} MB`.padStart(8)}  report ${(reportBytes / 1e6).toFixed(1)} MB (${figures.bytesPerInputByte} per input byte)${r.exitCode === 0 ? '' : `  exit ${r.exitCode}`}${figures.html ? `  ${JSON.stringify(figures.html)}` : ''}`,
      );
      out.push(figures);
    } finally {
      rmSync(file, { force: true });
    }
  }
  return out;
}
