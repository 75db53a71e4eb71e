import type { Config } from '../model/config.js';
import type { Mapping } from '../model/mapping.js';

/**
 * The run's config with the calendar a mapping carries filled in where the config says nothing
 * (the config's own `zone` and `calendar.holidays` win), and a warning for each setting the
 * config overrides.
 * @example
 * const { config } = withMappingCalendar({}, { ...mapping, calendar: { zone: 'Europe/Stockholm', country: 'SE' } });
 * config.zone; // 'Europe/Stockholm'
 */
export function withMappingCalendar(
  config: Config,
  mapping: Mapping | undefined,
): { config: Config; warnings: string[] } {
  const cal = mapping?.calendar;
  if (cal === undefined) return { config, warnings: [] };
  const warnings: string[] = [];
  const out: Config = { ...config, calendar: { ...config.calendar } };
  if (cal.zone !== undefined) {
    if (config.zone === undefined) out.zone = cal.zone;
    else if (config.zone !== cal.zone)
      warnings.push(`the config's zone ${config.zone} is used, not the mapping's calendar zone ${cal.zone}`);
  }
  if (cal.country !== undefined) {
    const holidays = {
      country: cal.country,
      ...(cal.state ? { state: cal.state } : {}),
      ...(cal.region ? { region: cal.region } : {}),
    };
    if (config.calendar?.holidays === undefined)
      (out.calendar as NonNullable<Config['calendar']>).holidays = holidays;
    else warnings.push(`the config's holidays are used, not the mapping's calendar (${cal.country})`);
  }
  if (cal.holidayTypes !== undefined && config.calendar?.holidayTypes === undefined)
    (out.calendar as NonNullable<Config['calendar']>).holidayTypes = cal.holidayTypes;
  return { config: out, warnings };
}
