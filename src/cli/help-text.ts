/**
 * What `--help` shows after the options: examples, exit codes and the environment variables
 * read, so that a CI author needs no other page.
 */

const _EXIT_CODES = `Exit codes:
  0  no finding at or above --fail-on, and every --min-compliance met
  1  findings at or above --fail-on (default: fail), or a compliance rate under --min-compliance
  2  usage, configuration or input errors (a rejected case included; the report is still written)`;

const _ENVIRONMENT = `Environment:
  NO_COLOR     no colour, no progress line
  FORCE_COLOR  colour in the text report even when standard output is not a terminal (not 0)
  CI           no progress line`;

/** After the program's own help. */
export const PROGRAM_HELP = `
Examples:
  $ service-standards check cases.ndjson --as-of 2025-06-30 --format json > report.json
  $ service-standards check export.csv --mapping receipt.mapping.json --report junit:judged.xml
  $ service-standards validate cases.ndjson --format json
  $ service-standards rules
  $ service-standards explain 1.3.1

${_EXIT_CODES}

${_ENVIRONMENT}

Documentation: https://github.com/service-standards/service-standards#readme`;

/** After `check --help`. */
export const CHECK_HELP = `
Examples:
  $ service-standards check cases.ndjson --as-of 2025-06-30T17:00:00+01:00
  $ service-standards check cases.ndjson --report html:report.html --fail-on none
  $ service-standards check export.xes.gz --mapping mapping.json --only 1.3 --workers 2
  $ cat cases.ndjson | service-standards check - --format ndjson

Without --as-of, verdicts are as of now (recorded in the report as asOfSource "now").

${_EXIT_CODES}

${_ENVIRONMENT}`;

/** After `summarize --help`. */
export const SUMMARIZE_HELP = `
Examples:
  $ service-standards shard cases.ndjson --shards 4 --out shards
  $ service-standards check shards/shard-001-of-004.ndjson --as-of 2025-06-30 --format ndjson > out-1.ndjson
  $ service-standards summarize out-*.ndjson --format json --report junit:judged.xml --min-compliance 90

The merged report is the one a single run over every shard would give; a case met in two shards,
or shards judged with different rulesets, asOf or options, are refused (exit 2).

${_EXIT_CODES}`;

/** After `self-assessment --help`. */
export const SELF_ASSESSMENT_HELP = `
Examples:
  $ service-standards self-assessment cases.ndjson --ruleset hoc-code-2024 --period 2024-04-01..2025-03-31 --as-of 2025-04-30
  $ service-standards self-assessment cases.ndjson --ruleset hoc-code-2024 --period 2024-04-01..2025-03-31 \\
      --statements statements.json --format markdown --report html:self-assessment.html --require-statements

Every provision of the code is a row, in order. Rows the log evidences are filled from the findings
placed in the period (counts, rate, the cases behind them, a suggested yes or no); the rest need a
person's statement (--statements; its schema: service-standards schema statements).

Exit codes:
  0  the form was written
  1  --require-statements and a provision still has no answer
  2  usage, configuration or input error (an unknown provision in the statements file, a rejected case)`;

/** After `validate --help`. */
export const VALIDATE_HELP = `
Examples:
  $ service-standards validate cases.ndjson
  $ service-standards validate export.csv --mapping mapping.json --format json | jq .problems

Exit codes:
  0  every case is valid
  2  a case is invalid, or the input, mapping or configuration cannot be read`;

/**
 * Whether colour is forced: FORCE_COLOR set to anything but 0 or false (NO_COLOR still wins,
 * in the reporter).
 * @example forceColor({ FORCE_COLOR: '1' }) // true
 */
export function forceColor(env: Readonly<Record<string, string | undefined>>): boolean {
  const v = env.FORCE_COLOR;
  return v !== undefined && v !== '0' && v.toLowerCase() !== 'false';
}

/** Exit codes of the commands that only read their inputs and write one answer. */
const _EXIT_CODES_INPUT = `Exit codes:
  0  done
  2  usage, configuration or input errors (a rejected case included: the output is still written)`;

/** Exit codes of the commands that read no case log. */
const _EXIT_CODES_USAGE = `Exit codes:
  0  done
  2  usage errors, or a ruleset, report or name that cannot be read`;

/** After `shard --help`. */
export const SHARD_HELP = `
Examples:
  $ service-standards shard cases.ndjson --shards 4 --out shards
  $ service-standards shard export.csv --mapping mapping.json --sorted-by-case --shards 8 --out shards

A case always lands in the same shard (a stable hash of its id), so shards can be judged apart
and merged with summarize.

${_EXIT_CODES_INPUT}`;

/** After `report --help`. */
export const REPORT_HELP = `
Examples:
  $ service-standards report cases.ndjson --ruleset mchp-scotland-2020 --period 2024-04-01..2025-03-31 --as-of 2025-04-30
  $ service-standards report cases.ndjson --ruleset mchp-scotland-2020 --period 2024-04-01..2025-03-31 --format csv --population 52000

${_EXIT_CODES_INPUT}`;

/** After `due --help`. */
export const DUE_HELP = `
Examples:
  $ service-standards due cases.ndjson --within 5
  $ service-standards due cases.ndjson --format ical > deadlines.ics

${_EXIT_CODES_INPUT}`;

/** After `diff --help`. */
export const DIFF_HELP = `
Examples:
  $ service-standards diff june.json july.json
  $ service-standards diff june.ndjson july.ndjson --format markdown > changes.md

${_EXIT_CODES_USAGE}`;

/** After `rules --help`. */
export const RULES_HELP = `
Examples:
  $ service-standards rules
  $ service-standards rules --ruleset mchp-scotland-2020 --format markdown

${_EXIT_CODES_USAGE}`;

/** After `explain --help`. */
export const EXPLAIN_HELP = `
Examples:
  $ service-standards explain 1.3.1
  $ service-standards explain S1.1 --ruleset hoc-code-2024

${_EXIT_CODES_USAGE}`;

/** After `schema --help`. */
export const SCHEMA_HELP = `
Examples:
  $ service-standards schema events > events.schema.json
  $ service-standards schema config

${_EXIT_CODES_USAGE}`;

/** After `review --help`. */
export const REVIEW_HELP = `
Examples:
  $ service-standards review report.json --case C-104 --indicator 1.3.1 --accept --reason "Agreed extension" --reviewer "A. Auditor" --to reviews.yaml
  $ service-standards review report.json --case C-104 --indicator 1.3.1 --override pass --reason "Reply sent by post" --to reviews.yaml
  $ service-standards check cases.ndjson --reviews reviews.yaml

${_EXIT_CODES_USAGE}`;
