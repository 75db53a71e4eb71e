import { z } from 'zod';

export type { CalendarConfig, Config, HolidaySourceConfig, ParameterValue } from './contract.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date, YYYY-MM-DD');

/** Where public holidays come from: a date-holidays country/region, an explicit list, or none. */
export const HolidaySourceSchema = z.union([
  z.strictObject({
    country: z.string().min(2),
    state: z.string().optional(),
    region: z.string().optional(),
  }),
  z.strictObject({ dates: z.array(z.strictObject({ date: isoDate, name: z.string() })) }),
  z.strictObject({ none: z.literal(true) }),
]);

/**
 * The kinds of day date-holidays knows; a calendar counts `public` holidays unless told otherwise.
 * @example HolidayTypeSchema.parse('bank');
 */
export const HolidayTypeSchema = z.enum(['public', 'bank', 'school', 'optional', 'observance']);

/** Working-day calendar settings (`indicators.md`, "Time"). */
export const CalendarConfigSchema = z.strictObject({
  holidays: HolidaySourceSchema.optional(),
  holidayTypes: z
    .array(HolidayTypeSchema)
    .min(1)
    .optional()
    .describe(
      'kinds of date-holidays day that are not working days (default ["public"]; Swedish eves need "bank")',
    ),
  extraHolidays: z.array(z.strictObject({ date: isoDate, name: z.string().optional() })).optional(),
  closures: z.array(z.strictObject({ from: isoDate, to: isoDate, reason: z.string().optional() })).optional(),
  weekend: z.array(z.number().int().min(1).max(7)).optional(),
  countReceiptDay: z.boolean().optional(),
  pausesStopClocks: z
    .boolean()
    .optional()
    .describe("paused days are left out of working-day counts; the ruleset's default when absent"),
});

/** A parameter value: a number of working days, a number, a list of names, or a map of numbers. */
export const ParameterValueSchema = z.union([
  z.number(),
  z.string(),
  z.boolean(),
  z.array(z.string()),
  z.record(z.string(), z.number()),
]);

/**
 * The user's configuration: zone, calendar, parameter overrides, indicators switched off, and
 * the thresholds a run fails on. Unknown keys are errors, so a typo never passes silently.
 *
 * @example
 * ConfigSchema.parse({ zone: 'Europe/London', parameters: { acknowledgeWithin: 5 }, indicators: { 'L.4': { enabled: false } } });
 */
export const ConfigSchema = z.strictObject({
  $schema: z.string().optional(),
  zone: z.string().min(1).optional(),
  calendar: CalendarConfigSchema.optional(),
  parameters: z.record(z.string(), ParameterValueSchema).optional(),
  indicators: z
    .record(
      z.string(),
      z.strictObject({
        enabled: z.boolean().optional(),
        parameters: z.record(z.string(), ParameterValueSchema).optional(),
      }),
    )
    .optional(),
  thresholds: z
    .strictObject({
      failOn: z.enum(['error', 'fail', 'insufficient_evidence', 'pending', 'none']).optional(),
      minCompliance: z.number().min(0).max(100).optional(),
      indicators: z.record(z.string(), z.number().min(0).max(100)).optional(),
    })
    .optional(),
});
