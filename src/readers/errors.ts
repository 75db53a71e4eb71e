/**
 * An input that cannot be read at all: a missing or unreadable file, a broken gzip stream, a CSV
 * header without the mapped columns. Bad data inside a readable file is never thrown: it becomes
 * a problem on a rejected case.
 *
 * @example
 * try { for await (const c of readCases(['missing.csv'])) {} }
 * catch (e) { if (e instanceof ReadError) console.error(e.message); } // Cannot read "missing.csv": ...
 */
export class ReadError extends Error {
  override readonly name = 'ReadError';
  /** The input, as named on the command line (`<stdin>` for `-`). */
  readonly file: string;

  constructor(file: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.file = file;
  }
}

/**
 * @internal A ReadError for a system error (ENOENT, EACCES, ...), naming the file.
 * @example
 * readErrorFrom('log.csv', Object.assign(new Error('x'), { code: 'ENOENT' })).message; // 'Cannot read "log.csv": no such file'
 */
export function readErrorFrom(file: string, error: unknown): ReadError {
  if (error instanceof ReadError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const why =
    code === 'ENOENT'
      ? 'no such file'
      : code === 'EISDIR'
        ? 'it is a directory'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : error instanceof Error
            ? error.message
            : String(error);
  return new ReadError(file, `Cannot read "${file}": ${why}`, { cause: error });
}
