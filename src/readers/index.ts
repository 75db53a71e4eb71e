/**
 * The readers: case logs in (JSON, NDJSON, CSV and XES, gzip, standard input), cases out for
 * `evaluateCases`, with every bad record turned into a problem on a rejected case.
 * @example
 * import { loadMapping, readCases } from './readers/index.js';
 * const reader = readCases(['receipt.csv'], { mapping: await loadMapping('receipt.mapping.json') });
 */
export { ReadError } from './errors.js';
export { formatFromName } from './format.js';
export { loadMapping, MappingError, parseMapping } from './load-mapping.js';
export { locateIssues } from './locate.js';
export { type ReadInput, STDIN_NAME } from './open-input.js';
export { type CaseReader, type ReadCasesOptions, readCases } from './read-cases.js';
export { createReadStats, type InputStats, type ReadStats } from './stats.js';
export {
  INPUT_FORMATS,
  type InputFormat,
  isRejected,
  type ReadCase,
  type ReadItem,
  type ReadRejected,
  type SourceRef,
} from './types.js';
