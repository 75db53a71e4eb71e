/** Exit codes (`interface.md`): 2 usage, configuration or input errors; 1 findings or thresholds; 0 otherwise. */
export const EXIT = { ok: 0, findings: 1, input: 2, brokenPipe: 141 } as const;

/**
 * Whether an error is a broken pipe: whoever read the output has gone (`check ... | head -1`).
 * The command then stops quietly with 141 (128 + SIGPIPE), the status a shell gives any Unix
 * tool stopped that way.
 */
export const isBrokenPipe = (e: unknown): boolean =>
  (e as NodeJS.ErrnoException | null)?.code === 'EPIPE' ||
  (e as NodeJS.ErrnoException | null)?.code === 'ERR_STREAM_DESTROYED';

/** A problem with how the command was called or configured: exit 2, no stack trace. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
