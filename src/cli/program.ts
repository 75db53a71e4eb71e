import { Command, InvalidArgumentError, Option } from 'commander';
import { DETAILS, type Detail } from '../model/finding.js';
import { PUBLISHED_SCHEMAS, type PublishedSchemaName, toJsonSchema } from '../model/json-schemas.js';
import { STATUSES } from '../model/vocabulary.js';
import type { ReadLimits } from '../readers/limits.js';
import type { OcelOptions } from '../readers/ocel.js';
import { INPUT_FORMATS, type InputFormat } from '../readers/types.js';
import { COMPARISON_FORMATS, type ComparisonFormat } from '../reporters/comparison.js';
import { WORKLIST_FORMATS, type WorklistFormat } from '../reporters/worklist.js';
import { runDiff, runDue, runReview } from './audit-commands.js';
import { runExplain, runRules } from './catalogue-commands.js';
import { type CheckOptions, type ReportTarget, runCheck } from './check.js';
import { addCompletionCommand } from './completion.js';
import { UsageError } from './errors.js';
import { EVALUATORS, type EvaluatorName } from './evaluator-option.js';
import {
  CHECK_HELP,
  DIFF_HELP,
  DUE_HELP,
  EXPLAIN_HELP,
  forceColor,
  PROGRAM_HELP,
  REPORT_HELP,
  REVIEW_HELP,
  RULES_HELP,
  SCHEMA_HELP,
  SELF_ASSESSMENT_HELP,
  SHARD_HELP,
  SUMMARIZE_HELP,
  VALIDATE_HELP,
} from './help-text.js';
import { type CliIo, writeText } from './io.js';
import { PERIOD_FORMATS, type PeriodFormat, runPeriodReport } from './period-command.js';
import { type DocumentFormat, OUTPUT_FORMATS } from './render-document.js';
import {
  runSelfAssessment,
  SELF_ASSESSMENT_FORMATS,
  type SelfAssessmentFormat,
} from './self-assessment-command.js';
import { MAX_SHARDS, runShard } from './shard-command.js';
import { runSummarize } from './summarize-command.js';
import { type FailOn, type MinCompliance, parseMinCompliance } from './thresholds.js';
import { runValidate } from './validate.js';

const FAIL_ON = [...STATUSES.slice(0, 4), 'none'] as const;

const _list = (v: string, prev: string[] = []) => [
  ...prev,
  ...v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
];

function _report(v: string, prev: ReportTarget[] = []): ReportTarget[] {
  const i = v.indexOf(':');
  const format = i > 0 ? v.slice(0, i) : '';
  const path = i > 0 ? v.slice(i + 1) : '';
  if (!(OUTPUT_FORMATS as readonly string[]).includes(format) || path === '') {
    throw new InvalidArgumentError(`expected FORMAT:PATH with FORMAT one of ${OUTPUT_FORMATS.join(', ')}`);
  }
  return [...prev, { format: format as ReportTarget['format'], path }];
}

/** The `--report FORMAT:PATH` parser of a command whose formats are `formats` (`report`, `self-assessment`). */
function _reportOf<F extends string>(formats: readonly F[]) {
  return (v: string, prev: { format: F; path: string }[] = []): { format: F; path: string }[] => {
    const i = v.indexOf(':');
    const format = i > 0 ? v.slice(0, i) : '';
    const path = i > 0 ? v.slice(i + 1) : '';
    if (!(formats as readonly string[]).includes(format) || path === '')
      throw new InvalidArgumentError(`expected FORMAT:PATH with FORMAT one of ${formats.join(', ')}`);
    return [...prev, { format: format as F, path }];
  };
}

/** `--workers N`: a whole number from 1 to 64. */
function _workers(v: string): number {
  const n = Number(v);
  if (!/^\d+$/.test(v.trim()) || !Number.isInteger(n) || n < 1 || n > 64) {
    throw new InvalidArgumentError('expected a whole number of worker threads from 1 to 64');
  }
  return n;
}

function _minCompliance(v: string, prev: MinCompliance[] = []): MinCompliance[] {
  try {
    return [...prev, parseMinCompliance(v)];
  } catch (e) {
    throw new InvalidArgumentError((e as Error).message);
  }
}

/** `--max-*-mb` and `--max-case-events`: a whole number of at least 1. */
function _positive(v: string): number {
  const n = Number(v);
  if (!/^\d+$/.test(v.trim()) || !Number.isSafeInteger(n) || n < 1)
    throw new InvalidArgumentError('expected a whole number of at least 1');
  return n;
}

/** The reading options `check` and `validate` share. */
function _readingOptions(command: Command): Command {
  return command
    .option('--allow-empty', 'an empty input, or no case at all, is not an error')
    .option('--max-line-mb <n>', 'longest NDJSON line or CSV record, in MiB (default 64)', _positive)
    .option('--max-case-events <n>', 'most events in one case (default 100000)', _positive)
    .option(
      '--max-inflated-mb <n>',
      'most bytes a gzip input may inflate to, in MiB (default 16384)',
      _positive,
    )
    .option('--case-object-type <type>', 'OCEL inputs: the object type whose objects are the cases')
    .option(
      '--through-related-objects',
      'OCEL inputs: a case also has the events of the objects related to its object',
    );
}

/** `--within N`: a whole number of working days, 0 or more. */
function _wholeNumber(v: string): number {
  if (!/^\d+$/.test(v.trim())) throw new InvalidArgumentError('expected a whole number of working days');
  return Number(v);
}

/** What `check` and `due` read and judge alike: inputs' format, mapping, config, ruleset, asOf, selection. */
function _judgingOptions(o: Record<string, unknown>) {
  return {
    inputFormat: o.inputFormat as InputFormat | undefined,
    sortedByCase: o.sortedByCase as boolean | undefined,
    mapping: o.mapping as string | undefined,
    config: o.config as string | undefined,
    ruleset: o.ruleset as string | undefined,
    asOf: o.asOf as string | undefined,
    only: o.only as string[] | undefined,
    skip: o.skip as string[] | undefined,
    allowEmpty: o.allowEmpty as boolean | undefined,
    limits: _limits(o),
    ocel: _ocel(o),
  };
}

/** The OCEL options the reading options give. */
function _ocel(o: Record<string, unknown>): OcelOptions {
  const out: OcelOptions = {};
  if (typeof o.caseObjectType === 'string') out.caseObjectType = o.caseObjectType;
  if (o.throughRelatedObjects === true) out.throughRelatedObjects = true;
  return out;
}

/** The limits the reading options give. */
function _limits(o: Record<string, unknown>): Partial<ReadLimits> {
  const mib = 1024 * 1024;
  const limits: Partial<ReadLimits> = {};
  if (typeof o.maxLineMb === 'number') limits.maxLineBytes = o.maxLineMb * mib;
  if (typeof o.maxCaseEvents === 'number') limits.maxCaseEvents = o.maxCaseEvents;
  if (typeof o.maxInflatedMb === 'number') limits.maxInflatedBytes = o.maxInflatedMb * mib;
  return limits;
}

/**
 * The command line: `check`, `validate`, `rules`, `explain`, `schema` and `summarize`, each a
 * thin face over the library. `run` resolves with the exit code.
 *
 * @example
 * const code = await buildProgram(processIo(), version).run(process.argv);
 */
export function buildProgram(io: CliIo, version: string): { run(argv: readonly string[]): Promise<number> } {
  let code = 0;
  const program = new Command('service-standards')
    .description('Check how complaints were handled against published customer service standards.')
    .version(version)
    .option('--debug', 'show stack traces for unexpected errors')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .showHelpAfterError('(add --help for usage)')
    .addHelpText('after', PROGRAM_HELP);

  const check = program.command('check');
  _readingOptions(check);
  check
    .addHelpText('after', CHECK_HELP)
    .description('evaluate case logs against the ruleset (the main job)')
    .argument('<inputs...>', 'case logs (JSON, NDJSON, CSV, XES, optionally .gz); - for standard input')
    .addOption(
      new Option('--format <format>', 'report on standard output').choices(OUTPUT_FORMATS).default('text'),
    )
    .option('--report <format:path>', 'also write a report to a file (repeatable)', _report)
    .addOption(
      new Option('--input-format <format>', 'input format (default: from the extension)').choices(
        INPUT_FORMATS,
      ),
    )
    .option(
      '--sorted-by-case',
      "the flat log keeps each case's events together (streams with bounded memory)",
    )
    .option('--mapping <file>', 'activity and column mapping for CSV/XES exports')
    .option('--config <file>', 'time zone, calendar, closures, parameters, thresholds')
    .option(
      '--ruleset <dir>',
      'a shipped ruleset id (spso-css-0524, mchp-scotland-2020, hoc-code-2024) or a ruleset directory',
    )
    .option('--as-of <instant>', 'judge as of this instant (default: now, stated in the report)')
    .option('--only <refs>', 'only these indicators (refs, prefixes or ids, comma-separated)', _list)
    .option('--skip <refs>', 'leave out these indicators', _list)
    .addOption(new Option('--fail-on <status>', 'fail the run on this status or worse').choices(FAIL_ON))
    .option(
      '--min-compliance <percent>',
      'fail under this compliance rate (PERCENT or REF=PERCENT, repeatable)',
      _minCompliance,
    )
    .option('--strict', 'stop at the first invalid case')
    .addOption(
      new Option(
        '--evaluator <name>',
        "decide conditions with each rule's compiled tests (default) or json-rules-engine, the reference",
      ).choices(EVALUATORS),
    )
    .option(
      '--workers <n>',
      'judge on N threads: this one and N-1 workers (output identical to one)',
      _workers,
    )
    .addOption(
      new Option('--detail <level>', "what each finding's measured holds: summary, findings or full")
        .choices(DETAILS)
        .default('findings'),
    )
    .option('--pretty', 'indented JSON (compact by default)')
    .option(
      '--html-max-cases <n>',
      'most cases the HTML report lists: past it, those needing attention, worst first (default 20000)',
      _positive,
    )
    .option(
      '--reviews <file>',
      'apply the reviews of this file (YAML or JSON): accepted exceptions, overrides',
    )
    .option('--baseline <report>', 'mark each finding new, unchanged or updated against an earlier report')
    .option('--fail-on-new', '--fail-on counts only findings new or updated against the baseline')
    .option('--quiet', 'no progress display')
    .option('--no-color', 'no colour in the text report')
    .action(async (inputs: string[], o: Record<string, unknown>) => {
      const format = o.format as DocumentFormat | 'ndjson';
      const reports: ReportTarget[] = [
        { format, path: '-' },
        ...((o.report as ReportTarget[] | undefined) ?? []),
      ];
      const options: CheckOptions = {
        inputs,
        reports,
        ..._judgingOptions(o),
        failOn: o.failOn as FailOn | undefined,
        minCompliance: o.minCompliance as MinCompliance[] | undefined,
        strict: o.strict as boolean | undefined,
        quiet: o.quiet as boolean | undefined,
        color: o.color !== false && (io.stdout.isTTY === true || forceColor(io.env)),
        workers: o.workers as number | undefined,
        evaluator: o.evaluator as EvaluatorName | undefined,
        detail: o.detail as Detail,
        pretty: o.pretty as boolean | undefined,
        htmlMaxCases: o.htmlMaxCases as number | undefined,
        reviews: o.reviews as string | undefined,
        baseline: o.baseline as string | undefined,
        failOnNew: o.failOnNew as boolean | undefined,
      };
      code = await runCheck(options, io);
    });

  const validate = program.command('validate');
  _readingOptions(validate);
  validate
    .addHelpText('after', VALIDATE_HELP)
    .description('check input only, and list every problem')
    .argument('<inputs...>', 'case logs; - for standard input')
    .addOption(new Option('--input-format <format>', 'input format').choices(INPUT_FORMATS))
    .option('--sorted-by-case', "the flat log keeps each case's events together")
    .option('--mapping <file>', 'activity and column mapping for CSV/XES exports')
    .option('--config <file>', 'configuration (its zone reads naive times)')
    .addOption(
      new Option('--format <format>', 'text: one problem a line; json: one object (valid, counts, problems)')
        .choices(['text', 'json'])
        .default('text'),
    )
    .action(async (inputs: string[], o: Record<string, unknown>) => {
      code = await runValidate(
        {
          format: o.format as 'text' | 'json',
          inputs,
          inputFormat: o.inputFormat as InputFormat | undefined,
          sortedByCase: o.sortedByCase as boolean | undefined,
          mapping: o.mapping as string | undefined,
          config: o.config as string | undefined,
          allowEmpty: o.allowEmpty as boolean | undefined,
          limits: _limits(o),
          ocel: _ocel(o),
        },
        io,
      );
    });

  const shard = program.command('shard');
  _readingOptions(shard);
  shard
    .description('split a log into N case-per-line shards by a stable hash of the case id')
    .addHelpText('after', SHARD_HELP)
    .argument('<input>', 'a case log as check reads it; - for standard input')
    .requiredOption('--shards <n>', `how many shards (1 to ${MAX_SHARDS})`, (v) => Number(v))
    .requiredOption('--out <dir>', 'the folder to write shard-KKK-of-NNN.ndjson into')
    .addOption(new Option('--input-format <format>', 'input format').choices(INPUT_FORMATS))
    .option(
      '--sorted-by-case',
      "the flat log keeps each case's events together (streams with bounded memory)",
    )
    .option('--mapping <file>', 'activity and column mapping for CSV/XES exports')
    .action(async (input: string, o: Record<string, unknown>) => {
      code = await runShard(
        {
          input,
          shards: o.shards as number,
          out: o.out as string,
          inputFormat: o.inputFormat as InputFormat | undefined,
          sortedByCase: o.sortedByCase as boolean | undefined,
          mapping: o.mapping as string | undefined,
          allowEmpty: o.allowEmpty as boolean | undefined,
          limits: _limits(o),
          ocel: _ocel(o),
        },
        io,
      );
    });

  program
    .command('rules')
    .description("list the ruleset's indicators")
    .addHelpText('after', RULES_HELP)
    .addOption(
      new Option('--format <format>', 'output').choices(['text', 'json', 'markdown']).default('text'),
    )
    .option(
      '--ruleset <dir>',
      'a shipped ruleset id (spso-css-0524, mchp-scotland-2020, hoc-code-2024) or a ruleset directory',
    )
    .action(async (o: { format: 'text' | 'json' | 'markdown'; ruleset?: string }) => {
      code = await runRules(o, io);
    });

  program
    .command('explain')
    .description('one indicator: the leaflet words, how it is judged, its parameters')
    .addHelpText('after', EXPLAIN_HELP)
    .argument('<ref-or-id>', 'e.g. 1.3.1 or timely')
    .option(
      '--ruleset <dir>',
      'a shipped ruleset id (spso-css-0524, mchp-scotland-2020, hoc-code-2024) or a ruleset directory',
    )
    .action(async (refOrId: string, o: { ruleset?: string }) => {
      code = await runExplain({ refOrId, ruleset: o.ruleset }, io);
    });

  program
    .command('schema')
    .description('print a JSON Schema')
    .addHelpText('after', SCHEMA_HELP)
    .argument('<name>', Object.keys(PUBLISHED_SCHEMAS).join(', '))
    .action(async (name: string) => {
      if (!(name in PUBLISHED_SCHEMAS)) {
        throw new UsageError(`no schema "${name}"; one of: ${Object.keys(PUBLISHED_SCHEMAS).join(', ')}`);
      }
      await writeText(io.stdout, `${JSON.stringify(toJsonSchema(name as PublishedSchemaName), null, 2)}\n`);
    });

  program
    .command('summarize')
    .description('merge per-shard NDJSON outputs into one report, as one run over them all')
    .argument('<ndjson...>', 'outputs of check --format ndjson (or of summarize --format ndjson)')
    .addOption(
      new Option('--format <format>', 'report on standard output').choices(OUTPUT_FORMATS).default('text'),
    )
    .option('--report <format:path>', 'also write a report to a file (repeatable)', _report)
    .option('--pretty', 'indented JSON')
    .option('--ruleset <dir>', 'the custom ruleset the shards were judged with')
    .option(
      '--html-max-cases <n>',
      'most cases the HTML report lists: past it, those needing attention, worst first (default 20000)',
      _positive,
    )
    .addOption(
      new Option('--fail-on <status>', 'fail on this status or worse').choices(FAIL_ON).default('fail'),
    )
    .option(
      '--min-compliance <percent>',
      'fail under this compliance rate (PERCENT or REF=PERCENT, repeatable)',
      _minCompliance,
    )
    .addHelpText('after', SUMMARIZE_HELP)
    .action(async (shards: string[], o: Record<string, unknown>) => {
      const reports: ReportTarget[] = [
        { format: o.format as ReportTarget['format'], path: '-' },
        ...((o.report as ReportTarget[] | undefined) ?? []),
      ];
      code = await runSummarize(
        {
          shards,
          reports,
          ruleset: o.ruleset as string | undefined,
          failOn: o.failOn as FailOn,
          minCompliance: o.minCompliance as MinCompliance[] | undefined,
          pretty: o.pretty as boolean | undefined,
          htmlMaxCases: o.htmlMaxCases as number | undefined,
        },
        io,
      );
    });

  const report = program.command('report');
  _readingOptions(report);
  report
    .description('the complaints performance indicators of a period, each figure with the cases counted')
    .addHelpText('after', REPORT_HELP)
    .argument('<inputs...>', 'case logs, as for check; - for standard input')
    .requiredOption(
      '--period <from..to>',
      'the period: two local dates, both inclusive (2024-04-01..2025-03-31)',
    )
    .addOption(
      new Option('--format <format>', 'report on standard output').choices(PERIOD_FORMATS).default('text'),
    )
    .option('--report <format:path>', 'also write a report to a file (repeatable)', _reportOf(PERIOD_FORMATS))
    .option('--population <n>', "the body's population: K.4 and K.5 also per 1,000 of it", _positive)
    .addOption(new Option('--input-format <format>', 'input format').choices(INPUT_FORMATS))
    .option('--sorted-by-case', "the flat log keeps each case's events together")
    .option('--mapping <file>', 'activity and column mapping for CSV/XES exports')
    .option('--config <file>', 'time zone, calendar, closures, parameters')
    .option('--ruleset <dir>', 'a ruleset offering a period report (mchp-scotland-2020), by id or directory')
    .option('--as-of <instant>', 'cases as of this instant (default: now, stated in the report)')
    .option('--strict', 'stop at the first invalid case')
    .option('--pretty', 'indented JSON (compact by default)')
    .option(
      '--workers <n>',
      'read on N threads: this one and N-1 workers (output identical to one)',
      _workers,
    )
    .action(async (inputs: string[], o: Record<string, unknown>) => {
      const { only: _only, skip: _skip, ...judging } = _judgingOptions(o);
      code = await runPeriodReport(
        {
          inputs,
          period: o.period as string,
          reports: [
            { format: o.format as PeriodFormat, path: '-' },
            ...((o.report as { format: PeriodFormat; path: string }[] | undefined) ?? []),
          ],
          population: o.population as number | undefined,
          strict: o.strict as boolean | undefined,
          pretty: o.pretty as boolean | undefined,
          workers: o.workers as number | undefined,
          ...judging,
        },
        io,
      );
    });

  const selfAssessment = program.command('self-assessment');
  _readingOptions(selfAssessment);
  selfAssessment
    .addHelpText('after', SELF_ASSESSMENT_HELP)
    .description("the annual self-assessment against the ruleset's code, for a period (hoc-code-2024)")
    .argument('<inputs...>', 'case logs, as for check; - for standard input')
    .requiredOption(
      '--period <from..to>',
      'the period: two local dates, both included, e.g. 2024-04-01..2025-03-31',
    )
    .option('--statements <file>', "a person's statements by provision (JSON)")
    .addOption(
      new Option('--format <format>', 'output on standard output')
        .choices(SELF_ASSESSMENT_FORMATS.filter((f) => f !== 'html'))
        .default('text'),
    )
    .option(
      '--report <format:path>',
      'also write the form to a file (repeatable; html is the printable form)',
      _reportOf(SELF_ASSESSMENT_FORMATS),
    )
    .option('--require-statements', 'exit 1 when any provision still has no answer')
    .addOption(new Option('--input-format <format>', 'input format').choices(INPUT_FORMATS))
    .option('--sorted-by-case', "the flat log keeps each case's events together")
    .option('--mapping <file>', 'activity and column mapping for CSV/XES exports')
    .option('--config <file>', 'time zone, calendar, closures, parameters')
    .option(
      '--ruleset <dir>',
      'a shipped ruleset id (hoc-code-2024) or a ruleset directory offering self-assessment',
    )
    .option('--as-of <instant>', 'judge as of this instant (default: now, stated in the output)')
    .option('--strict', 'stop at the first invalid case')
    .option('--workers <n>', 'judge on N threads (output identical to one)', _workers)
    .option('--pretty', 'indented JSON')
    .option('--quiet', 'no progress display')
    .action(async (inputs: string[], o: Record<string, unknown>) => {
      code = await runSelfAssessment(
        {
          inputs,
          ..._judgingOptions(o),
          period: o.period as string,
          statements: o.statements as string | undefined,
          reports: [
            { format: o.format as SelfAssessmentFormat, path: '-' },
            ...((o.report as { format: SelfAssessmentFormat; path: string }[] | undefined) ?? []),
          ],
          requireStatements: o.requireStatements as boolean | undefined,
          strict: o.strict as boolean | undefined,
          workers: o.workers as number | undefined,
          pretty: o.pretty as boolean | undefined,
          quiet: o.quiet as boolean | undefined,
        },
        io,
      );
    });

  const due = program.command('due');
  _readingOptions(due);
  due
    .description('what falls due next: every pending deadline, soonest first, with working days left')
    .addHelpText('after', DUE_HELP)
    .argument('<inputs...>', 'case logs, as for check; - for standard input')
    .addOption(new Option('--format <format>', 'output').choices(WORKLIST_FORMATS).default('text'))
    .option('--within <n>', 'only deadlines at most N working days ahead', _wholeNumber)
    .addOption(new Option('--input-format <format>', 'input format').choices(INPUT_FORMATS))
    .option('--sorted-by-case', "the flat log keeps each case's events together")
    .option('--mapping <file>', 'activity and column mapping for CSV/XES exports')
    .option('--config <file>', 'time zone, calendar, closures, parameters')
    .option('--ruleset <dir>', 'a custom ruleset directory')
    .option('--as-of <instant>', 'as of this instant (default: now)')
    .option('--only <refs>', 'only these indicators', _list)
    .option('--skip <refs>', 'leave out these indicators', _list)
    .action(async (inputs: string[], o: Record<string, unknown>) => {
      code = await runDue(
        {
          inputs,
          format: o.format as WorklistFormat,
          within: o.within as number | undefined,
          ..._judgingOptions(o),
        },
        io,
      );
    });

  program
    .command('diff')
    .description('what changed between two reports of the same cases (json or ndjson)')
    .addHelpText('after', DIFF_HELP)
    .argument('<before>', 'the earlier report')
    .argument('<after>', 'the later report')
    .addOption(new Option('--format <format>', 'output').choices(COMPARISON_FORMATS).default('text'))
    .action(async (before: string, after: string, o: { format: ComparisonFormat }) => {
      code = await runDiff({ before, after, format: o.format }, io);
    });

  program
    .command('review')
    .description("record a person's review of one finding of a report in a review file")
    .addHelpText('after', REVIEW_HELP)
    .argument('<report>', 'the report (json or ndjson) that holds the finding')
    .requiredOption('--case <id>', 'the case')
    .requiredOption('--indicator <ref>', "the indicator's ref or id")
    .option('--accept', 'accept the finding as an exception (it keeps its status)')
    .addOption(
      new Option('--override <status>', "override the finding's status").choices([
        'pass',
        'fail',
        'not_applicable',
      ]),
    )
    .requiredOption('--reason <text>', 'why (required)')
    .requiredOption('--reviewer <name>', 'who reviewed')
    .option('--date <date>', 'the date of the review, YYYY-MM-DD (default: today)')
    .option('--expires <date>', 'the last day the review applies, YYYY-MM-DD')
    .requiredOption('--to <file>', 'the review file to add it to (YAML or JSON; created if missing)')
    .action(async (report: string, o: Record<string, string | boolean | undefined>) => {
      if (Boolean(o.accept) === (o.override !== undefined))
        throw new UsageError('review: give exactly one of --accept and --override STATUS');
      code = await runReview(
        {
          report,
          caseId: o.case as string,
          indicator: o.indicator as string,
          decision: o.accept ? 'accept' : 'override',
          status: o.override as 'pass' | 'fail' | 'not_applicable' | undefined,
          reason: o.reason as string,
          reviewer: o.reviewer as string,
          date: o.date as string | undefined,
          expires: o.expires as string | undefined,
          file: o.to as string,
        },
        io,
      );
    });

  addCompletionCommand(program, io);

  return {
    async run(argv) {
      code = 0;
      await program.parseAsync([...argv]);
      return code;
    },
  };
}
