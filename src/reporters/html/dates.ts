/** Dates as the page shows them, the way explanations write them ("Thu 5 Dec 2024"). */
import { dayFromIsoDate } from '../../time/days.js';
import { formatDay } from '../../time/format.js';

const _INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;

/** "2024-12-05" as "Thu 5 Dec 2024"; anything else as given. */
export function readableDate(iso: string): string {
  try {
    return formatDay(dayFromIsoDate(iso));
  } catch {
    return iso;
  }
}

/**
 * An ISO instant as its own local date and time and offset, as written (no zone is applied):
 * "2025-06-30T17:00:00.000+01:00" as "Mon 30 Jun 2025, 17:00 (UTC+01:00)"; anything else as given.
 */
export function readableInstant(iso: string): string {
  const m = _INSTANT.exec(iso);
  if (!m) return iso;
  const [, date, hh, mm, offset] = m as unknown as [string, string, string, string, string | undefined];
  const day = readableDate(date);
  if (day === date) return iso;
  const zone = offset === undefined ? '' : offset === 'Z' ? ' (UTC)' : ` (UTC${offset})`;
  return `${day}, ${hh}:${mm}${zone}`;
}
