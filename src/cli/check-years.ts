/**
 * The years the report's holidays list: those of the events of judged cases (valid, so within
 * the calendar's years), up to `asOf`'s year (later events are left out of judging). Each event's
 * time also goes to the zone watch, which warns when the log was written in another zone.
 */
import type { Mapping } from '../model/mapping.js';
import { isRejected, type ReadItem } from '../readers/types.js';
import { formatInstant } from '../time/instant.js';
import { createZoneWatch } from './zone-watch.js';

const _yearOf = (at: unknown) => (typeof at === 'string' ? Number(at.slice(0, 4)) : Number.NaN);

/** The years seen and the zone warnings; see the module's comment. */
export interface YearsSeen {
  /** Looks at a judged case's events. */
  see(item: ReadItem): void;
  /** The first and last year seen, or undefined when none was. */
  range(): [number, number] | undefined;
  /** The zone watch's warnings. */
  warnings(): string[];
}

/**
 * Watches the events of judged cases for their years and offsets.
 *
 * @example
 * const years = createYearsSeen(asOfMs, 'Europe/London', mapping);
 * years.see(item);
 * years.range(); // [2024, 2025]
 */
export function createYearsSeen(asOfMs: number, zone: string, mapping: Mapping | undefined): YearsSeen {
  const asOfYear = Number(formatInstant(asOfMs, zone).slice(0, 4));
  const zoneWatch = createZoneWatch(zone, mapping);
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  return {
    see(item) {
      if (isRejected(item)) return;
      for (const e of item.events) {
        const at = (e as { at?: unknown }).at;
        zoneWatch.see(at);
        const y = _yearOf(at);
        if (y > asOfYear) continue;
        if (y < min) min = y;
        if (y > max) max = y;
      }
    },
    range: () => (Number.isFinite(min) ? [min, max] : undefined),
    warnings: () => zoneWatch.warnings(),
  };
}
