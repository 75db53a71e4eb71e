/**
 * Whether two NDJSON reports say the same: the same summary, the same run facts (but for the
 * inputs and when they were written), and the same case lines as a set (each without where it
 * was read, since a shard's line numbers are not the whole log's). Exits 1 naming the first
 * difference. Used by scripts/scale-check.sh to hold a sharded run to one run over the whole log.
 *
 *   npx tsx scripts/same-report.ts ONE.ndjson OTHER.ndjson
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { isDeepStrictEqual } from 'node:util';

interface Read {
  cases: Set<string>;
  end: { meta: Record<string, unknown>; summary: unknown } | undefined;
}

async function _read(file: string): Promise<Read> {
  const out: Read = { cases: new Set(), end: undefined };
  for await (const line of createInterface({
    input: createReadStream(file),
    crlfDelay: Number.POSITIVE_INFINITY,
  })) {
    if (line.trim() === '') continue;
    const record = JSON.parse(line) as {
      type: string;
      source?: unknown;
      meta?: Record<string, unknown>;
      summary?: unknown;
    };
    if (record.type === 'summary') out.end = { meta: record.meta ?? {}, summary: record.summary };
    else {
      const { source: _, ...judged } = record;
      out.cases.add(JSON.stringify(judged));
    }
  }
  return out;
}

const [oneFile, otherFile] = process.argv.slice(2);
if (!oneFile || !otherFile) throw new Error('usage: same-report.ts ONE.ndjson OTHER.ndjson');
const [one, other] = await Promise.all([_read(oneFile), _read(otherFile)]);
const facts = (m: Record<string, unknown> = {}) => {
  const { inputs: _i, generatedAt: _g, ...rest } = m;
  return rest;
};
const problems: string[] = [];
if (!one.end || !other.end) problems.push('a report has no summary line');
else {
  if (!isDeepStrictEqual(one.end.summary, other.end.summary)) problems.push('the summaries differ');
  if (!isDeepStrictEqual(facts(one.end.meta), facts(other.end.meta))) problems.push('the run facts differ');
}
const missing = [...one.cases].filter((c) => !other.cases.has(c));
const extra = [...other.cases].filter((c) => !one.cases.has(c));
if (one.cases.size === 0) problems.push(`${oneFile} has no case lines`);
if (missing.length > 0)
  problems.push(`${missing.length} case line(s) of ${oneFile} missing from ${otherFile}`);
if (extra.length > 0) problems.push(`${extra.length} case line(s) of ${otherFile} not in ${oneFile}`);
if (problems.length > 0) {
  console.error(`${oneFile} and ${otherFile} differ: ${problems.join('; ')}`);
  process.exit(1);
}
console.log(
  `${otherFile} says what ${oneFile} says: ${one.cases.size} cases, the same summary and run facts`,
);
