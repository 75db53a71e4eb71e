import type { Writable } from 'node:stream';

/** A one-line progress display on a terminal; silent when not a terminal, in CI, or when asked. */
export interface Progress {
  /** `cases` judged so far. */
  tick(cases: number): void;
  done(): void;
}

/**
 * Where reading stands: cases read, and the bytes read of the inputs' total size (absent when an
 * input is standard input or a stream, whose size is not known in advance). A `ReadStats` is one.
 */
export interface ReadPosition {
  readonly cases: number;
  readonly bytesRead: number;
  readonly bytesTotal?: number | undefined;
}

/** Options of {@link createProgress}. */
export interface CreateProgressOptions {
  stream: Writable & { isTTY?: boolean };
  env: Readonly<Record<string, string | undefined>>;
  quiet: boolean;
  /** Where reading stands, read at each tick, for the total and the ETA. */
  input?: ReadPosition;
  /** Wait this long before showing anything, so short runs stay quiet. */
  delayMs?: number;
  /** The clock, in milliseconds (default `Date.now`). */
  now?: () => number;
  /**
   * Calls `refresh` every `ms` until the returned function is called (default an unreferenced
   * `setInterval`): the line moves while a flat log is read and grouped, before any case is judged.
   */
  every?: (refresh: () => void, ms: number) => () => void;
}

const _every = (refresh: () => void, ms: number) => {
  const timer = setInterval(refresh, ms);
  timer.unref();
  return () => clearInterval(timer);
};

const _number = (n: number) => Math.round(n).toLocaleString('en-GB');

/**
 * A duration to the second, as a person reads it.
 * @example formatDuration(4_200) // '4 s'
 * @example formatDuration(125_000) // '2 min 05 s'
 * @example formatDuration(3_900_000) // '1 h 05 min'
 */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  const m = Math.round(s / 60);
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

const _size = (bytes: number) =>
  bytes >= 1024 ** 3
    ? `${(bytes / 1024 ** 3).toFixed(1)} GB`
    : bytes >= 1024 ** 2
      ? `${(bytes / 1024 ** 2).toFixed(1)} MB`
      : `${Math.ceil(bytes / 1024)} kB`;

/**
 * The progress line: cases judged, the total estimated from the share of the input read (when
 * its size is known), the rate and the time left. While a flat log is grouped in memory no case
 * is judged yet: the line shows how much of the input is read.
 * @example
 * formatProgress({ judged: 12_345, input: { cases: 12_400, bytesRead: 6_200_000, bytesTotal: 10_000_000 }, elapsedMs: 6_673 });
 * // '12,345 of ~20,000 cases · 1,850/s · ETA 4 s'
 * formatProgress({ judged: 12_345, input: { cases: 12_400, bytesRead: 6_200_000 }, elapsedMs: 6_673 });
 * // '12,345 cases · 1,850/s'
 */
export function formatProgress(state: { judged: number; input?: ReadPosition; elapsedMs: number }): string {
  const { judged, input, elapsedMs } = state;
  const total = input?.bytesTotal;
  const share = input !== undefined && total !== undefined && total > 0 ? input.bytesRead / total : undefined;
  if (judged === 0 && share !== undefined)
    return `reading ${Math.floor(Math.min(share, 1) * 100)}% of ${_size(total ?? 0)}`;
  const rate = elapsedMs > 0 ? (judged * 1000) / elapsedMs : 0;
  const perSecond = `${_number(rate)}/s`;
  if (share === undefined || input === undefined || input.cases === 0)
    return `${_number(judged)} cases · ${perSecond}`;
  const expected = Math.max(judged, input.cases / Math.min(Math.max(share, 1e-9), 1));
  const eta = rate > 0 ? ` · ETA ${formatDuration(((expected - judged) / rate) * 1000)}` : '';
  return `${_number(judged)} of ~${_number(expected)} cases · ${perSecond}${eta}`;
}

/**
 * Progress on standard error while a long run goes: cases judged of the total expected, the rate
 * and the time left ({@link formatProgress}). Shown only on a terminal, after a second, at most
 * five times a second, and never with `--quiet`, `CI`, `NO_COLOR` or `TERM=dumb`.
 *
 * @example
 * const progress = createProgress({ stream: process.stderr, env: process.env, quiet: false, input: reader.stats });
 */
export function createProgress(options: CreateProgressOptions): Progress {
  const { stream, env, input } = options;
  const active = stream.isTTY === true && !options.quiet && !env.CI && !env.NO_COLOR && env.TERM !== 'dumb';
  if (!active) return { tick() {}, done() {} };
  const now = options.now ?? Date.now;
  const start = now();
  const delay = options.delayMs ?? 1000;
  let judged = 0;
  let last = 0;
  let shown = false;
  const show = () => {
    const t = now();
    if (t - start < delay || t - last < 200) return;
    last = t;
    shown = true;
    const line = formatProgress({ judged, elapsedMs: t - start, ...(input ? { input } : {}) });
    stream.write(`\r\x1b[2K  ${line}`);
  };
  const stop = (options.every ?? _every)(show, 250);
  return {
    tick(cases) {
      judged = cases;
      show();
    },
    done() {
      stop();
      if (shown) stream.write('\r\x1b[2K');
    },
  };
}
