import type { Writable } from 'node:stream';

/** A one-line progress display on a terminal; silent when not a terminal, in CI, or when asked. */
export interface Progress {
  tick(cases: number, events: number): void;
  done(): void;
}

/** Options of {@link createProgress}. */
export interface CreateProgressOptions {
  stream: Writable & { isTTY?: boolean };
  env: Readonly<Record<string, string | undefined>>;
  quiet: boolean;
  /** Wait this long before showing anything, so short runs stay quiet. */
  delayMs?: number;
  now?: () => number;
}

/**
 * Progress on standard error while a long run goes: cases and events judged, and the rate.
 * Shown only on a terminal, after a second, and never with `--quiet`, `CI` or `NO_COLOR`... set.
 *
 * @example
 * const progress = createProgress({ stream: process.stderr, env: process.env, quiet: false });
 */
export function createProgress(options: CreateProgressOptions): Progress {
  const { stream, env } = options;
  const active = stream.isTTY === true && !options.quiet && !env.CI && !env.NO_COLOR && env.TERM !== 'dumb';
  if (!active) return { tick() {}, done() {} };
  const now = options.now ?? Date.now;
  const start = now();
  const delay = options.delayMs ?? 1000;
  let last = 0;
  let shown = false;
  return {
    tick(cases, events) {
      const t = now();
      if (t - start < delay || t - last < 200) return;
      last = t;
      shown = true;
      const rate = Math.round(cases / ((t - start) / 1000));
      stream.write(
        `\r  judged ${cases.toLocaleString('en-GB')} cases, ${events.toLocaleString('en-GB')} events (${rate.toLocaleString('en-GB')} cases/s)  `,
      );
    },
    done() {
      if (shown) stream.write('\r\x1b[2K');
    },
  };
}
