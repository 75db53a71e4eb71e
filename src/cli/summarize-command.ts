import { readFile } from 'node:fs/promises';
import { createSummaryBuilder } from '../engine/summarize.js';
import type { CaseResult } from '../model/finding.js';
import type { Report } from '../model/report.js';
import { parseNdjsonReport } from '../reporters/ndjson.js';
import { loadRuleset } from '../rules/load-ruleset.js';
import { UsageError } from './errors.js';
import { type CliIo, writeText } from './io.js';
import { type DocumentFormat, renderDocument } from './render-document.js';

/** Options of {@link runSummarize}. */
export interface SummarizeCommandOptions {
  shards: readonly string[];
  format: DocumentFormat;
  ruleset?: string | undefined;
}

/**
 * `service-standards summarize <ndjson...>`: merges the NDJSON outputs of runs over shards of a
 * log into one report, as if one run had judged them all. The shards must share the ruleset and
 * `asOf`.
 *
 * @example
 * await runSummarize({ shards: ['part-1.ndjson', 'part-2.ndjson'], format: 'json' }, processIo());
 */
export async function runSummarize(options: SummarizeCommandOptions, io: CliIo): Promise<number> {
  if (options.shards.length === 0) throw new UsageError('summarize needs at least one NDJSON output');
  const ruleset = await loadRuleset(options.ruleset ? { dir: options.ruleset } : {});
  const builder = createSummaryBuilder(ruleset);
  const cases: CaseResult[] = [];
  let first: Report['meta'] | undefined;
  const inputs: Report['meta']['inputs'] = [];
  const holidays = new Map<string, Report['meta']['calendar']['holidays'][number]>();
  for (const file of options.shards) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      throw new UsageError(
        `${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
      );
    }
    let shard: Report;
    try {
      shard = parseNdjsonReport(text);
    } catch (e) {
      throw new UsageError(`${file}: ${(e as Error).message}`);
    }
    if (shard.meta.ruleset.sha256 !== ruleset.sha256) {
      throw new UsageError(
        `${file}: judged with another ruleset (${shard.meta.ruleset.id} ${shard.meta.ruleset.sha256.slice(0, 12)})`,
      );
    }
    if (first && shard.meta.asOf !== first.asOf) {
      throw new UsageError(
        `${file}: judged as of ${shard.meta.asOf}, but ${options.shards[0]} as of ${first.asOf}`,
      );
    }
    first ??= shard.meta;
    inputs.push(...shard.meta.inputs);
    // Each shard lists the holidays of the years its own events span: the merged report lists them all.
    for (const h of shard.meta.calendar.holidays) holidays.set(`${h.date} ${h.name}`, h);
    builder.addSummary(shard.summary);
    cases.push(...(shard.cases ?? []));
  }
  if (!first) throw new UsageError('no shard was read');
  cases.sort((a, b) => (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0));
  const calendar = {
    ...first.calendar,
    // By date, as a run lists them (a stable sort: the same day's keep their order).
    holidays: [...holidays.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
  };
  const report: Report = { meta: { ...first, inputs, calendar }, summary: builder.result(), cases };
  await writeText(
    io.stdout,
    renderDocument(options.format, report, ruleset, { color: false, env: io.env, cwd: io.cwd }),
  );
  return 0;
}
