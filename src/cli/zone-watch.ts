import type { Mapping } from '../model/mapping.js';
import { formatInstant, parseInstant } from '../time/instant.js';
import { createZoneClock } from '../time/zone-clock.js';

const _OFFSET = /(Z|[+-]\d{2}:\d{2})$/;
/** Events looked at for their offsets: enough to tell, cheap on a large log. */
const _SAMPLE = 10_000;

/**
 * Watches the UTC offsets written in a log's times: when none of them is the offset the calendar's
 * zone has at that instant, the log was written in another zone and its cases are likely judged
 * on the wrong calendar (an Italian log on Scottish holidays). Also warns when the mapping reads
 * naive times in a zone other than the calendar's.
 * @example
 * const watch = createZoneWatch('Europe/London', mapping);
 * for (const e of events) watch.see(e.at);
 * watch.warnings(); // ['the times of the log carry the offsets +01:00, +02:00, ...']
 */
export function createZoneWatch(calendarZone: string, mapping: Mapping | undefined) {
  let seen = 0;
  let matching = 0;
  const offsets = new Set<string>();
  const clock = createZoneClock(calendarZone);
  const utc = createZoneClock('UTC');
  return {
    see(at: unknown): void {
      if (seen >= _SAMPLE || typeof at !== 'string') return;
      const m = _OFFSET.exec(at);
      if (m?.[1] === undefined) return;
      const r = parseInstant(at, utc);
      if ('error' in r) return;
      seen++;
      const offset = m[1] === 'Z' ? '+00:00' : m[1];
      if (offsets.size < 10) offsets.add(offset);
      if (formatInstant(r.epochMs, clock).endsWith(offset)) matching++;
    },
    warnings(): string[] {
      const out: string[] = [];
      const naiveZone = mapping?.zone;
      if (naiveZone !== undefined && naiveZone !== calendarZone)
        out.push(
          `the mapping reads naive times in ${naiveZone}, but the calendar counts days in ${calendarZone}: set the calendar (the mapping's "calendar" or the config's "zone" and "calendar") if the cases are judged on the wrong days`,
        );
      if (seen > 0 && matching === 0)
        out.push(
          `none of the log's times carries the offset the calendar's zone ${calendarZone} has at that time (offsets seen: ${[...offsets].join(', ')}): the log was likely written in another zone, and its cases are judged on ${calendarZone}'s days and holidays. Set the calendar (the mapping's "calendar" or the config's "zone" and "calendar")`,
        );
      return out;
    },
  };
}
