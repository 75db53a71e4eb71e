/**
 * `check --workers N` (`interface.md`, issue 5): the cases are judged on N worker threads, and
 * the output is byte for byte what one thread writes (`meta.generatedAt` aside), in every
 * format, on the bundled sample and on a larger generated log (`scripts/generate-log.ts`), NDJSON
 * and CSV through a mapping; `--strict` stops at the same case with the same report; a bad N is
 * a usage error.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CLI_TIMEOUT,
  type CliResult,
  cli,
  expectNoStack,
  SAMPLE,
  SAMPLE_AS_OF,
  spawnCommand,
  useCliSuite,
  withoutGeneratedAt,
} from './_cli.js';

const GENERATED_AS_OF = '2026-06-30T17:00:00+01:00';

/** The same run on one thread and on `workers`: everything written must be the same. */
async function expectSameOnWorkers(args: readonly string[], workers = 2): Promise<CliResult> {
  const [one, many] = await Promise.all([cli(args), cli([...args, '--workers', String(workers)])]);
  expectNoStack(one);
  expectNoStack(many);
  expect(many.code).toBe(one.code);
  expect(many.stderr).toBe(one.stderr);
  if (args.includes('json')) expect(withoutGeneratedAt(many.stdout)).toBe(withoutGeneratedAt(one.stdout));
  else if (args.includes('ndjson')) {
    // Every case line byte for byte; the summary line but for generatedAt.
    const lines = (s: string) => s.replace(/"generatedAt":"[^"]*"/, '"generatedAt":""');
    expect(lines(many.stdout)).toBe(lines(one.stdout));
    expect(many.stdout.split('\n').length).toBe(one.stdout.split('\n').length);
  } else expect(many.stdout).toBe(one.stdout);
  return one;
}

/**
 * Runs `args` once on one thread and once on `workers`, each writing a `--report FORMAT:` file in
 * `dir`; the standard outputs and the report files, `blank`ed, must be the same.
 */
async function expectSameReportsOnWorkers(
  args: readonly string[],
  report: { format: string; dir: string; blank: (s: string) => string },
  workers: number,
): Promise<void> {
  const file = (tag: string) => join(report.dir, `${report.format}-${tag}-${workers}.out`);
  const [one, many] = await Promise.all([
    cli([...args, '--report', `${report.format}:${file('one')}`]),
    cli([...args, '--report', `${report.format}:${file('many')}`, '--workers', String(workers)]),
  ]);
  expect(many.code).toBe(one.code);
  expect(many.stderr).toBe(one.stderr);
  expect(report.blank(many.stdout)).toBe(report.blank(one.stdout));
  const read = async (tag: string) => report.blank(await readFile(file(tag), 'utf8'));
  expect(await read('many')).toBe(await read('one'));
}

describe.concurrent('service-standards check --workers', { timeout: CLI_TIMEOUT * 3 }, () => {
  const suite = useCliSuite();
  let ndjsonLog = '';
  let csvLog = '';

  beforeAll(async () => {
    ndjsonLog = join(suite.dir(), 'generated.ndjson');
    csvLog = join(suite.dir(), 'generated.csv');
    for (const [format, out, cases] of [
      ['ndjson', ndjsonLog, '600'],
      ['csv', csvLog, '300'],
    ] as const) {
      const r = await spawnCommand('npx', [
        'tsx',
        'scripts/generate-log.ts',
        '--cases',
        cases,
        '--format',
        format,
        '--seed',
        '7',
        '--out',
        out,
      ]);
      expect(r.code, r.stderr).toBe(0);
    }
  }, CLI_TIMEOUT);

  for (const format of ['json', 'ndjson', 'text'] as const) {
    it(`the sample, --format ${format}: the same output as one thread`, async () => {
      const r = await expectSameOnWorkers([
        'check',
        SAMPLE,
        '--as-of',
        SAMPLE_AS_OF,
        '--format',
        format,
        '--fail-on',
        'none',
        '--quiet',
      ]);
      expect(r.code).toBe(0);
    });
  }

  for (const format of ['json', 'ndjson'] as const) {
    it(`a generated log of 600 cases, --format ${format}: the same output as one thread`, async () => {
      const r = await expectSameOnWorkers([
        'check',
        ndjsonLog,
        '--as-of',
        GENERATED_AS_OF,
        '--format',
        format,
        '--fail-on',
        'none',
        '--quiet',
      ]);
      expect(r.code).toBe(0);
      if (format === 'ndjson') expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(601);
    });
  }

  it('a generated CSV log through its mapping, on 3 workers, with a report file each: the same', async () => {
    const args = [
      'check',
      csvLog,
      '--mapping',
      `${csvLog}.mapping.json`,
      '--sorted-by-case',
      '--as-of',
      GENERATED_AS_OF,
      '--format',
      'json',
      '--fail-on',
      'none',
      '--quiet',
    ];
    const blank = (s: string) => s.replace(/"generatedAt": ?"[^"]*"/g, '');
    await expectSameReportsOnWorkers(args, { format: 'ndjson', dir: suite.dir(), blank }, 3);
  });

  it('--strict stops at the same invalid case, with the same report and message', async () => {
    // 200 valid cases, one with an unknown event type, then 20 more: the workers read ahead to
    // the end of the file (its SHA-256 known), which one thread never reaches.
    const valid = (i: number) =>
      `{"caseId":"V-${i}","events":[{"id":"r${i}","type":"complaint.received","at":"2024-05-01T10:00:00+01:00"}]}`;
    const lines = [
      ...Array.from({ length: 200 }, (_, i) => valid(i)),
      '{"caseId":"BAD","events":[{"id":"x1","type":"complaint.teleported","at":"2024-05-02T10:00:00+01:00"}]}',
      ...Array.from({ length: 20 }, (_, i) => valid(200 + i)),
      '',
    ];
    const input = join(suite.dir(), 'strict.ndjson');
    await writeFile(input, lines.join('\n'));
    const r = await expectSameOnWorkers([
      'check',
      input,
      '--as-of',
      '2024-06-28T17:00:00+01:00',
      '--strict',
      '--format',
      'json',
      '--quiet',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('stopped at the first invalid case (--strict): BAD');
  });

  it('invalid cases among valid ones, judged by the main thread and the workers alike: the same', async () => {
    // Rejected cases scattered through the log, so that batches judged on both sides hold some.
    const lines = Array.from({ length: 400 }, (_, i) =>
      i % 37 === 5
        ? `{"caseId":"BAD-${i}","events":[{"id":"x${i}","type":"complaint.teleported","at":"2024-05-02T10:00:00+01:00"}]}`
        : `{"caseId":"V-${i}","events":[{"id":"r${i}","type":"complaint.received","at":"${2021 + (i % 4)}-05-01T10:00:00+01:00"}]}`,
    );
    const input = join(suite.dir(), 'mixed.ndjson');
    await writeFile(input, `${lines.join('\n')}\n`);
    for (const format of ['json', 'ndjson'] as const) {
      const r = await expectSameOnWorkers(
        ['check', input, '--as-of', '2024-06-28T17:00:00+01:00', '--format', format, '--quiet'],
        3,
      );
      expect(r.code).toBe(2);
    }
  });

  it('document reports (markdown, and HTML with timelines) on 2 threads: the same', async () => {
    const args = [
      'check',
      SAMPLE,
      '--as-of',
      SAMPLE_AS_OF,
      '--format',
      'markdown',
      '--fail-on',
      'none',
      '--quiet',
    ];
    const blank = (s: string) => s.replace(/20\d\d-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '');
    await expectSameReportsOnWorkers(args, { format: 'html', dir: suite.dir(), blank }, 2);
  });

  it('one case on 3 threads (judged before any worker is ready): the same', async () => {
    await expectSameOnWorkers(
      [
        'check',
        'fixtures/cli/small.ndjson',
        '--as-of',
        '2024-06-28T17:00:00+01:00',
        '--format',
        'json',
        '--quiet',
      ],
      3,
    );
  });

  for (const bad of ['0', '65', '1.5', 'two', '-1']) {
    it(`--workers ${bad}: a usage error (exit 2)`, async () => {
      const r = await cli(['check', SAMPLE, '--as-of', SAMPLE_AS_OF, '--workers', bad]);
      expectNoStack(r);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain("option '--workers <n>' argument");
    });
  }

  it('--workers 1 is the single-threaded path', async () => {
    await expectSameOnWorkers(
      ['check', SAMPLE, '--as-of', SAMPLE_AS_OF, '--format', 'json', '--fail-on', 'none', '--quiet'],
      1,
    );
  });
});
