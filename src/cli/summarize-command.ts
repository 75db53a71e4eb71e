import { once } from 'node:events';
import { resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { createSummaryBuilder } from '../engine/summarize.js';
import type { ReportMeta } from '../model/report.js';
import type { Summary } from '../model/summary.js';
import { formatNdjsonSummary } from '../reporters/ndjson.js';
import { loadRuleset, rulesetDirOf } from '../rules/load-ruleset.js';
import { EXIT, UsageError } from './errors.js';
import { type CliIo, writeText } from './io.js';
import { createReportStream } from './report-files.js';
import { openReportWriters, type ReportTarget } from './report-writers.js';
import { assertSameRun, readShardCases, readShardEnd, type ShardEnd } from './summarize-shards.js';
import {
  assertKnownThresholdRefs,
  type FailOn,
  type MinCompliance,
  thresholdBreaches,
} from './thresholds.js';

/** Options of {@link runSummarize}, as the command line gives them. */
export interface SummarizeCommandOptions {
  shards: readonly string[];
  /** Where to write which format (`-` is standard output); every format `check` writes. */
  reports: readonly ReportTarget[];
  ruleset?: string | undefined;
  failOn?: FailOn | undefined;
  minCompliance?: readonly MinCompliance[] | undefined;
  /** Indented JSON (`--pretty`). */
  pretty?: boolean | undefined;
  /** The most cases the HTML report lists (`--html-max-cases`, default 20,000). */
  htmlMaxCases?: number | undefined;
}

/** The merged run's facts: the first shard's, with every shard's inputs and holidays. */
function _mergedMeta(ends: readonly ShardEnd[]): ReportMeta {
  const first = ends[0]?.meta;
  if (!first) throw new UsageError('no shard was read');
  const holidays = new Map<string, ReportMeta['calendar']['holidays'][number]>();
  const corrections = new Map<string, NonNullable<ReportMeta['calendar']['holidayCorrections']>[number]>();
  // Each shard lists the holidays of the years its own events span: the merged report lists them all.
  for (const { meta } of ends) {
    for (const h of meta.calendar.holidays) holidays.set(`${h.date} ${h.name}`, h);
    for (const c of meta.calendar.holidayCorrections ?? []) corrections.set(`${c.date} ${c.change}`, c);
  }
  // By date, as a run lists them (a stable sort: the same day's keep their order).
  const byDate = <T extends { date: string }>(xs: Iterable<T>) =>
    [...xs].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const { holidayCorrections: _, ...calendar } = first.calendar;
  return {
    ...first,
    inputs: ends.flatMap((e) => e.meta.inputs),
    calendar: {
      ...calendar,
      holidays: byDate(holidays.values()),
      ...(corrections.size > 0 ? { holidayCorrections: byDate(corrections.values()) } : {}),
    },
  };
}

/** Writes a line to a stream, waiting when the stream is full. */
async function _writeLine(stream: Writable, line: string): Promise<void> {
  if (!stream.write(line)) await once(stream, 'drain');
}

/**
 * `service-standards summarize <ndjson...>`: merges the NDJSON outputs of runs over shards of a
 * log into the report one run over the whole log gives, in any format `check` writes, and exits
 * as that run would (2 for rejected cases, 1 for `--fail-on` or `--min-compliance`, else 0).
 *
 * Every shard's summary line is read first (from the end of its file) and the shards refused
 * (exit 2, naming both files) unless they share ruleset, asOf, config, mapping, calendar, detail
 * and indicator selection; then the case lines stream through one at a time. A case id met in two
 * shards is refused, naming both: the ids seen are held in a set, so memory grows with the
 * number of cases (tens of bytes each) and not with their findings. NDJSON output passes each
 * case line on as it is read; the other formats take each case as it is read and spool what they
 * place at the end, as `check`'s do, and the HTML report embeds at most `--html-max-cases`.
 * After a refusal NDJSON output has no summary line, so it cannot be taken for a whole report.
 *
 * @example
 * await runSummarize({ shards: ['part-1.ndjson', 'part-2.ndjson'], reports: [{ format: 'json', path: '-' }] }, processIo());
 */
export async function runSummarize(options: SummarizeCommandOptions, io: CliIo): Promise<number> {
  if (options.shards.length === 0) throw new UsageError('summarize needs at least one NDJSON output');
  const given = new Map<string, string>();
  for (const file of options.shards) {
    const twice = given.get(resolve(io.cwd, file));
    if (twice !== undefined) throw new UsageError(`${file}: given twice (also as ${twice})`);
    given.set(resolve(io.cwd, file), file);
  }
  const ruleset = await loadRuleset(options.ruleset ? { dir: rulesetDirOf(options.ruleset) } : {});
  assertKnownThresholdRefs(ruleset, options.minCompliance ?? []);
  const ends: ShardEnd[] = [];
  for (const file of options.shards) {
    const end = await readShardEnd(file);
    if (end.meta.ruleset.sha256 !== ruleset.sha256) {
      throw new UsageError(
        `${file}: judged with another ruleset (${end.meta.ruleset.id} ${end.meta.ruleset.sha256.slice(0, 12)})`,
      );
    }
    if (ends[0]) assertSameRun(ends[0], end);
    ends.push(end);
  }
  const meta = _mergedMeta(ends);

  // Which shard each case id came from (rejected ones included), to refuse one met twice.
  const seenIn = new Map<string, number>();
  const see = (caseId: string, shard: number, where: string) => {
    const before = seenIn.get(caseId);
    if (before !== undefined && before !== shard) {
      throw new UsageError(
        `${where}: case ${JSON.stringify(caseId)} is also in ${options.shards[before]}: a case must be in one shard only`,
      );
    }
    seenIn.set(caseId, shard);
  };
  const builder = createSummaryBuilder(ruleset);
  ends.forEach((end, i) => {
    for (const r of end.summary.rejected) see(r.caseId, i, end.file);
    builder.addSummary(end.summary);
  });

  const streams = options.reports
    .filter((r) => r.format === 'ndjson')
    .map((r) =>
      r.path === '-'
        ? { stream: io.stdout as Writable, own: false }
        : { stream: createReportStream(r.path), own: true },
    );
  // Document reports take each case as it is read, as check's do; the meta is known already.
  const documents = openReportWriters(
    options.reports.filter((r) => r.format !== 'ndjson'),
    {
      io,
      ruleset,
      detail: meta.detail,
      pretty: options.pretty === true,
      color: false,
      inputs: meta.inputs,
      indicators: builder.result().indicators,
      htmlMaxCases: options.htmlMaxCases,
    },
  );
  let summary: Summary;
  try {
    for (const [i, end] of ends.entries()) {
      for await (const c of readShardCases(end)) {
        see(c.result.caseId, i, `${end.file}: line ${c.line}`);
        for (const s of streams) await _writeLine(s.stream, `${c.text}\n`);
        await documents.add(c.result);
      }
    }
    summary = builder.result();
    for (const s of streams) {
      await _writeLine(s.stream, formatNdjsonSummary(meta, summary));
      if (s.own)
        await new Promise<void>((ok, fail) => s.stream.end((e?: Error | null) => (e ? fail(e) : ok())));
    }
    await documents.finish(meta, summary);
  } finally {
    documents.dispose();
  }
  if (summary.rejected.length > 0) {
    await writeText(io.stderr, `${summary.rejected.length} case(s) rejected as invalid in the shards\n`);
    return EXIT.input;
  }
  const breaches = thresholdBreaches(summary, options.failOn ?? 'fail', options.minCompliance ?? []);
  for (const b of breaches) await writeText(io.stderr, `${b}\n`);
  return breaches.length > 0 ? EXIT.findings : EXIT.ok;
}
