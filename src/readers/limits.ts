import { ReadError } from './errors.js';

/**
 * Bounds on what one input may make the readers hold or do, so that a hostile or broken file (a
 * small gzip that inflates to one endless line, a case of millions of events) ends in a clear
 * error naming the file, the line and the option that raises the bound, not in exhausted memory.
 */
export interface ReadLimits {
  /** Bytes an input may hold after gunzip (default 16 GiB; `--max-inflated-mb`). */
  maxInflatedBytes: number;
  /** Bytes of one NDJSON line or CSV record, or XES text between two tags (default 64 MiB; `--max-line-mb`). */
  maxLineBytes: number;
  /** Records of one case (default 100,000; `--max-case-events`). */
  maxCaseEvents: number;
}

const _MIB = 1024 * 1024;

/**
 * The default limits.
 * @example
 * readCases(['big.ndjson.gz'], { limits: { ...DEFAULT_READ_LIMITS, maxLineBytes: 256 * 1024 * 1024 } });
 */
export const DEFAULT_READ_LIMITS: Readonly<ReadLimits> = Object.freeze({
  maxInflatedBytes: 16 * 1024 * _MIB,
  maxLineBytes: 64 * _MIB,
  maxCaseEvents: 100_000,
});

/** @internal The limits given, the defaults for the rest. */
export function readLimits(given: Partial<ReadLimits> | undefined): ReadLimits {
  return { ...DEFAULT_READ_LIMITS, ...given };
}

const _mb = (bytes: number) =>
  bytes < _MIB ? `${bytes.toLocaleString('en')} bytes` : `${Math.round((bytes / _MIB) * 100) / 100} MiB`;

/** @internal The error of a line longer than the limit. */
export function lineTooLong(file: string, line: number, limit: number): ReadError {
  return new ReadError(
    file,
    `Cannot read "${file}": line ${line} is longer than ${_mb(limit)}; if it is meant to be, raise --max-line-mb`,
  );
}

/** @internal The error of an input that inflates past the limit. */
export function inflatesTooMuch(file: string, limit: number): ReadError {
  return new ReadError(
    file,
    `Cannot read "${file}": it decompresses to more than ${_mb(limit)}; if it is meant to, raise --max-inflated-mb`,
  );
}

/** @internal The message of a case with more records than the limit. */
export function caseTooLong(limit: number): string {
  return `the case has more than ${limit.toLocaleString('en')} events; its events past that were not kept. If it is meant to, raise --max-case-events`;
}
