/**
 * The entries of the malformed-input corpus (written by `make-corpus.ts`): for each format and
 * file the command reads, broken and hostile variants, each with how the command is run on it and
 * what it must do. Each log holds good cases around the bad one, so that a test also sees that
 * one bad case never takes the others down.
 */
import type { CorpusEntry } from '../test/corpus/manifest-schema.js';

export interface CorpusGroup {
  name: string;
  files: Record<string, string | Buffer>;
  entries: CorpusEntry[];
}

interface Makers {
  gzip(text: string): Buffer;
  sqlite(statements: string): Buffer;
}

const AS_OF = '2024-06-28T17:00:00+01:00';
const at = (day: number, hour = 9) =>
  `2024-05-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00+01:00`;

/** A small valid case: received, acknowledged, closed. */
const goodCase = (caseId: string) => ({
  caseId,
  events: [
    { type: 'complaint.received', at: at(1) },
    { type: 'communication.sent', at: at(2), data: { to: 'complainant', covers: ['acknowledgement'] } },
    { type: 'case.closed', at: at(20), data: { outcome: 'resolved' } },
  ],
});
const goodLine = (caseId: string) => JSON.stringify(goodCase(caseId));
/** Three lines: a good case, the bad line, a good case. */
const around = (bad: string) => `${goodLine('A')}\n${bad}\n${goodLine('C')}\n`;
const withEvents = (events: unknown) => JSON.stringify({ caseId: 'B', events });
const receipt = (at_: string, extra: Record<string, unknown> = {}) => ({
  type: 'complaint.received',
  at: at_,
  ...extra,
});

/** The arguments of a check whose JSON report counts judged and rejected cases. */
const check = (file: string, ...more: string[]) => [
  'check',
  file,
  '--as-of',
  AS_OF,
  '--format',
  'json',
  '--quiet',
  '--fail-on',
  'none',
  ...more,
];

function group(name: string) {
  const files: Record<string, string | Buffer> = {};
  const entries: CorpusEntry[] = [];
  const path = (file: string) => `test/corpus/${name}/${file}`;
  return {
    path,
    file(file: string, content: string | Buffer) {
      files[file] = content;
      return path(file);
    },
    add(entry: CorpusEntry) {
      entries.push(entry);
    },
    done: (): CorpusGroup => ({ name, files, entries }),
  };
}

/** One NDJSON file of three cases whose middle line is bad: rejected alone (exit 2). */
function ndjson(m: Makers): CorpusGroup {
  const g = group('ndjson');
  const rejected: [string, string, string, string][] = [
    // id, about, bad line, field named
    ['events-null', '`events` is null', withEvents(null), 'events'],
    ['events-object', '`events` is an object', withEvents({ a: 1 }), 'events'],
    ['events-holds-null', '`events` holds a null', withEvents([receipt(at(1)), null]), 'events'],
    ['events-string', '`events` is a string', withEvents('complaint.received'), 'events'],
    ['truncated-json', 'a line cut off mid-object', '{"caseId":"B","events":[{"type":"complaint.rec', 'JSON'],
    ['not-json', 'a line of prose', 'this is not JSON at all', 'JSON'],
    ['impossible-date', '30 February', withEvents([receipt('2024-02-30T09:00:00Z')]), 'at'],
    ['year-0202', 'a typed 0202 for 2024', withEvents([receipt('0202-05-01T09:00:00+01:00')]), 'at'],
    ['year-1899', 'a receipt in 1899', withEvents([receipt('1899-12-31T09:00:00Z')]), 'at'],
    ['year-9999', 'a receipt on 9999-12-31', withEvents([receipt('9999-12-31T09:00:00Z')]), 'at'],
    ['offset-25h', 'an offset of +25:00', withEvents([receipt('2024-05-01T09:00:00+25:00')]), 'at'],
    [
      'at-number',
      '`at` is a number',
      withEvents([receipt(at(1)), { type: 'case.closed', at: 1714550400 }]),
      'at',
    ],
    ['at-missing', '`at` is missing', withEvents([{ type: 'complaint.received' }]), 'at'],
    [
      'unknown-type',
      'an event type not in the vocabulary',
      withEvents([receipt(at(1)), { type: 'complaint.recieved', at: at(2) }]),
      'type',
    ],
    [
      'case-id-number',
      '`caseId` is a number',
      JSON.stringify({ caseId: 7, events: [receipt(at(1))] }),
      'caseId',
    ],
    [
      'case-id-empty',
      '`caseId` is empty',
      JSON.stringify({ caseId: '', events: [receipt(at(1))] }),
      'caseId',
    ],
    ['case-id-missing', 'no `caseId`', JSON.stringify({ events: [receipt(at(1))] }), 'caseId'],
    [
      'duplicate-event-ids',
      'two events with one id',
      withEvents([receipt(at(1), { id: 'e1' }), { id: 'e1', type: 'case.closed', at: at(3) }]),
      'id',
    ],
    [
      'data-wrong-type',
      'event data of the wrong shape',
      withEvents([receipt(at(1)), { type: 'communication.sent', at: at(2), data: { to: 42 } }]),
      'data',
    ],
    ['array-line', 'a line holding an array', '[1,2,3]', 'line'],
    ['number-line', 'a line holding a number', '42', 'line'],
  ];
  for (const [id, about, bad, field] of rejected) {
    const file = g.file(`${id}.ndjson`, around(bad));
    g.add({ id, about, args: check(file), exit: 2, cases: 3, mentions: [`${id}.ndjson`, field], line: 2 });
  }
  const judged: [string, string, string | Buffer][] = [
    ['bom', 'a UTF-8 byte-order mark', `\uFEFF${around(goodLine('B'))}`],
    ['crlf', 'Windows line ends', around(goodLine('B')).replaceAll('\n', '\r\n')],
    [
      'blank-lines',
      'blank and whitespace lines between cases',
      `\n  \n${around(goodLine('B')).replaceAll('\n', '\n\n \t\n')}`,
    ],
    ['no-final-newline', 'no newline after the last line', around(goodLine('B')).trimEnd()],
    [
      'x-type-newline',
      'an x- type holding a newline (never an error)',
      around(withEvents([receipt(at(1)), { type: 'x-note\nline', at: at(2) }])),
    ],
    [
      'control-chars-id',
      'a case id with terminal control sequences',
      around(
        JSON.stringify({
          ...goodCase('B\u001b[2J\u001b]0;pwned\u0007'),
          caseId: 'B\u001b[2J\u001b]0;pwned\u0007',
        }),
      ),
    ],
    [
      'u2028-id',
      'a case id holding U+2028 and U+2029',
      around(JSON.stringify({ ...goodCase('B'), caseId: 'B\u2028\u2029' })),
    ],
    [
      'proto-keys',
      '__proto__ and constructor keys',
      around(
        `{"caseId":"B","__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"events":${JSON.stringify(goodCase('B').events)}}`,
      ),
    ],
    [
      'proto-case-ids',
      'case ids named after Object.prototype members',
      ['__proto__', 'constructor', 'toString'].map(goodLine).join('\n'),
    ],
    [
      'dst-gap',
      'a naive time in the spring-forward gap',
      around(withEvents([receipt('2024-03-31T01:30:00')])),
    ],
    [
      'huge-string',
      'a 1 MiB string in event data',
      around(withEvents([receipt(at(1), { data: { channel: 'web', note: 'x'.repeat(1 << 20) } })])),
    ],
    [
      'many-keys',
      'an event with 20,000 keys of data',
      around(
        withEvents([
          receipt(at(1), {
            data: Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, i])),
          }),
        ]),
      ),
    ],
  ];
  for (const [id, about, content] of judged) {
    // Large files are kept gzipped (the reader inflates them as it reads).
    const big = typeof content === 'string' && content.length > 64 * 1024;
    const file = big ? g.file(`${id}.ndjson.gz`, m.gzip(content)) : g.file(`${id}.ndjson`, content);
    g.add({ id, about, args: check(file), exit: 0, cases: 3 });
  }
  // Deep nesting: JSON.parse copes; nothing after it may recurse without bound.
  const deep = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
  g.add({
    id: 'deep-nesting',
    about: '50,000 nested arrays in event data',
    args: check(
      g.file(
        'deep-nesting.ndjson.gz',
        m.gzip(
          around(
            `{"caseId":"B","events":[{"type":"complaint.received","at":"${at(1)}","data":{"x":${deep}}}]}`,
          ),
        ),
      ),
    ),
    exit: 0,
    cases: 3,
  });
  g.add({
    id: 'invalid-utf8',
    about: 'bytes that are not UTF-8 in a case id (read as U+FFFD)',
    args: check(
      g.file(
        'invalid-utf8.ndjson',
        Buffer.concat([
          Buffer.from(around('@@').split('@@')[0] ?? ''),
          Buffer.from('{"caseId":"B\xff\xfe","events":[]}', 'latin1'),
          Buffer.from(`\n${goodLine('C')}\n`),
        ]),
      ),
    ),
    exit: 0,
    cases: 3,
  });
  g.add({
    id: 'nul-bytes',
    about: 'NUL bytes inside and between records',
    args: check(g.file('nul-bytes.ndjson', around('\u0000\u0000{"caseId":"B","events":[]}'))),
    exit: 2,
    cases: 3,
    mentions: ['nul-bytes.ndjson'],
    line: 2,
  });
  const flat = (caseId: string, type: string, day: number) => JSON.stringify({ caseId, type, at: at(day) });
  g.add({
    id: 'flat-interleaved-sorted',
    about: '--sorted-by-case on a log whose cases are interleaved',
    args: check(
      g.file(
        'flat-interleaved.ndjson',
        [
          flat('A', 'complaint.received', 1),
          flat('B', 'complaint.received', 1),
          flat('A', 'case.closed', 3),
        ].join('\n'),
      ),
      '--sorted-by-case',
    ),
    exit: 2,
    mentions: ['flat-interleaved.ndjson', 'A'],
    line: 3,
  });
  g.add({
    id: 'flat-interleaved',
    about: 'flat events of interleaved cases, grouped',
    args: check(g.path('flat-interleaved.ndjson')),
    exit: 0,
    cases: 2,
  });
  g.add({
    id: 'empty',
    about: 'an empty file',
    args: check(g.file('empty.ndjson', '')),
    exit: 2,
    mentions: ['empty.ndjson'],
  });
  g.add({
    id: 'empty-allowed',
    about: 'an empty file with --allow-empty',
    args: check(g.path('empty.ndjson'), '--allow-empty'),
    exit: 0,
    cases: 0,
  });
  g.add({
    id: 'only-blank',
    about: 'blank lines only',
    args: check(g.file('only-blank.ndjson', '\n\n  \n')),
    exit: 2,
    mentions: ['only-blank.ndjson'],
  });
  g.add({
    id: 'stdin',
    about: 'a bad case on standard input',
    args: check('-'),
    stdin: g.path('events-null.ndjson'),
    exit: 2,
    cases: 3,
    mentions: ['events'],
    line: 2,
  });
  g.add({
    id: 'missing-file',
    about: 'an input that does not exist',
    args: check(g.path('no-such-file.ndjson')),
    exit: 2,
    mentions: ['no-such-file.ndjson'],
  });
  g.add({
    id: 'directory',
    about: 'a folder given as an input',
    args: check(g.path('')),
    exit: 2,
    mentions: ['test/corpus/ndjson'],
  });
  g.add({
    id: 'one-bad-file-of-two',
    about: 'two inputs, one of them missing',
    args: check(g.path('bom.ndjson'), g.path('no-such-file.ndjson')),
    exit: 2,
    mentions: ['no-such-file.ndjson'],
  });
  // Limits: each with a small value, so the limit is reached at once; the error names the option.
  const longLine = JSON.stringify({ ...goodCase('B'), note: 'x'.repeat(2 * 1024 * 1024) });
  g.add({
    id: 'line-limit',
    about: 'a 2 MiB line over --max-line-mb 1',
    args: check(g.file('long-line.ndjson.gz', m.gzip(around(longLine))), '--max-line-mb', '1'),
    exit: 2,
    mentions: ['long-line.ndjson.gz', '--max-line-mb'],
    line: 2,
  });
  g.add({
    id: 'line-limit-raised',
    about: 'the same line under --max-line-mb 3',
    args: check(g.path('long-line.ndjson.gz'), '--max-line-mb', '3'),
    exit: 0,
    cases: 3,
  });
  const endless = m.gzip(`{"caseId":"B","events":[],"pad":"${'a'.repeat(3 * 1024 * 1024)}`);
  g.add({
    id: 'gzip-bomb',
    about: 'a small gzip inflating past --max-inflated-mb 1, in one endless line',
    args: check(g.file('bomb.ndjson.gz', endless), '--max-inflated-mb', '1'),
    exit: 2,
    mentions: ['bomb.ndjson.gz', '--max-inflated-mb'],
  });
  g.add({
    id: 'gzip-bomb-line',
    about: 'the same gzip, stopped by the line limit first',
    args: check(g.path('bomb.ndjson.gz'), '--max-line-mb', '1'),
    exit: 2,
    mentions: ['bomb.ndjson.gz', '--max-line-mb'],
    line: 1,
  });
  const bigCase = Array.from({ length: 8 }, (_, i) => flat('B', 'x-step', 1 + i)).join('\n');
  g.add({
    id: 'case-limit',
    about: 'a case of 8 flat events over --max-case-events 5',
    args: check(g.file('big-case.ndjson', around(bigCase)), '--max-case-events', '5'),
    exit: 2,
    cases: 3,
    mentions: ['big-case.ndjson', '--max-case-events'],
  });
  const gz = m.gzip(around(goodLine('B')));
  g.add({ id: 'gzip', about: 'a gzipped log', args: check(g.file('good.ndjson.gz', gz)), exit: 0, cases: 3 });
  g.add({
    id: 'gzip-truncated',
    about: 'a gzip cut off half way',
    args: check(g.file('truncated.ndjson.gz', gz.subarray(0, Math.floor(gz.length / 2)))),
    exit: 2,
    mentions: ['truncated.ndjson.gz'],
  });
  g.add({
    id: 'gzip-trailing-garbage',
    about: 'bytes after the end of the gzip stream',
    args: check(g.file('trailing.ndjson.gz', Buffer.concat([gz, Buffer.from('garbage after the stream')]))),
    exit: 2,
    mentions: ['trailing.ndjson.gz'],
  });
  g.add({
    id: 'gzip-not-gzip',
    about: 'a .gz name on plain text',
    args: check(g.file('plain.ndjson.gz', around(goodLine('B')))),
    exit: 0,
    cases: 3,
  });
  return g.done();
}

/** JSON documents: an array of cases or of flat events. */
function json(): CorpusGroup {
  const g = group('json');
  const cases = [goodCase('A'), goodCase('B'), goodCase('C')];
  const text = JSON.stringify(cases, null, 1);
  const bad: [string, string, string, string[], number?][] = [
    ['truncated', 'a document cut off', text.slice(0, Math.floor(text.length / 2)), ['truncated.json']],
    ['top-level-number', 'a number, not an array', '42', ['top-level-number.json']],
    [
      'top-level-string',
      'a string, not an array',
      '"cases"',
      ['top-level-number.json'.replace('number', 'string')],
    ],
    ['trailing-comma', 'a trailing comma', `${text.slice(0, -2)},\n]`, ['trailing-comma.json']],
  ];
  for (const [id, about, content, mentions] of bad)
    g.add({ id, about, args: check(g.file(`${id}.json`, content)), exit: 2, mentions });
  g.add({
    id: 'events-null',
    about: 'a case whose events are null, among good ones',
    args: check(
      g.file(
        'events-null.json',
        JSON.stringify([goodCase('A'), { caseId: 'B', events: null }, goodCase('C')], null, 1),
      ),
    ),
    exit: 2,
    cases: 3,
    mentions: ['events-null.json', 'events'],
  });
  g.add({
    id: 'single-object',
    about: 'one case as an object, not an array',
    args: check(g.file('single-object.json', JSON.stringify(goodCase('A')))),
    exit: 0,
    cases: 1,
  });
  g.add({
    id: 'empty-array',
    about: 'an empty array',
    args: check(g.file('empty-array.json', '[]')),
    exit: 2,
    mentions: ['empty-array.json'],
  });
  g.add({
    id: 'bom',
    about: 'a byte-order mark before the array',
    args: check(g.file('bom.json', `\uFEFF${text}`)),
    exit: 0,
    cases: 3,
  });
  g.add({
    id: 'input-format-mismatch',
    about: 'a JSON document read as --input-format csv without a mapping',
    args: check(g.path('bom.json'), '--input-format', 'csv'),
    exit: 2,
    mentions: ['--mapping'],
  });
  g.add({
    id: 'as-ndjson',
    about: 'an indented JSON array read as NDJSON',
    args: check(g.path('bom.json'), '--input-format', 'ndjson'),
    exit: 2,
    mentions: ['bom.json'],
  });
  return g.done();
}

const CSV_MAPPING = {
  columns: { caseId: 'case', activity: 'activity', timestamp: 'time' },
  activities: [
    { match: 'Received', type: 'complaint.received' },
    { match: 'Closed', type: 'case.closed' },
  ],
};
const csvRows = (rows: string[][]) =>
  `${[['case', 'activity', 'time'], ...rows].map((r) => r.join(',')).join('\n')}\n`;
const GOOD_ROWS = [
  ['A', 'Received', '2024-05-01T09:00:00+01:00'],
  ['A', 'Closed', '2024-05-20T09:00:00+01:00'],
  ['C', 'Received', '2024-05-01T09:00:00+01:00'],
];

/** CSV exports with a mapping. */
function csv(): CorpusGroup {
  const g = group('csv');
  const mapping = g.file('mapping.json', JSON.stringify(CSV_MAPPING, null, 2));
  const run = (file: string, ...more: string[]) => check(file, '--mapping', mapping, ...more);
  const rejected: [string, string, string[], string][] = [
    ['bad-timestamp', 'a timestamp that is not one', ['B', 'Received', 'yesterday'], 'time'],
    ['impossible-date', '31 April', ['B', 'Received', '2024-04-31T09:00:00Z'], 'time'],
    ['year-0202', 'a typed 0202', ['B', 'Received', '0202-05-01T09:00:00Z'], 'time'],
    ['year-9999', 'a receipt on 9999-12-31', ['B', 'Received', '9999-12-31T09:00:00Z'], 'time'],
    ['empty-case-id', 'an empty case id', ['', 'Received', '2024-05-01T09:00:00Z'], 'case'],
  ];
  for (const [id, about, row, field] of rejected) {
    const file = g.file(`${id}.csv`, csvRows([...GOOD_ROWS, row]));
    g.add({ id, about, args: run(file), exit: 2, cases: 3, mentions: [`${id}.csv`, field], line: 5 });
  }
  g.add({
    id: 'ragged',
    about: 'a row with too few columns',
    args: run(g.file('ragged.csv', csvRows([...GOOD_ROWS, ['B', 'Received']]))),
    exit: 2,
    mentions: ['ragged.csv'],
    line: 5,
  });
  g.add({
    id: 'unclosed-quote',
    about: 'a quote never closed',
    args: run(g.file('unclosed-quote.csv', `${csvRows(GOOD_ROWS)}B,"Received,2024-05-01T09:00:00Z\n`)),
    exit: 2,
    mentions: ['unclosed-quote.csv'],
    line: 5,
  });
  g.add({
    id: 'missing-column',
    about: 'the mapping names a column the file lacks',
    args: run(g.file('missing-column.csv', 'case,activity,when\nA,Received,2024-05-01T09:00:00Z\n')),
    exit: 2,
    mentions: ['missing-column.csv', 'time'],
  });
  g.add({
    id: 'header-only',
    about: 'a header and no rows',
    args: run(g.file('header-only.csv', 'case,activity,time\n')),
    exit: 2,
    mentions: ['header-only.csv'],
  });
  g.add({
    id: 'bom-crlf',
    about: 'a byte-order mark and Windows line ends',
    args: run(g.file('bom-crlf.csv', `\uFEFF${csvRows(GOOD_ROWS).replaceAll('\n', '\r\n')}`)),
    exit: 0,
    cases: 2,
  });
  g.add({
    id: 'no-mapping',
    about: 'a CSV without --mapping',
    args: check(g.path('bom-crlf.csv')),
    exit: 2,
    mentions: ['--mapping'],
  });
  g.add({
    id: 'formula-injection',
    about: 'cells starting with = + - @ (spreadsheet formulas) in ids and activities',
    args: run(
      g.file(
        'formula.csv',
        csvRows([...GOOD_ROWS, ['=HYPERLINK("http://x")', '@SUM(A1)', '2024-05-01T09:00:00Z']]),
      ),
    ),
    exit: 0,
    cases: 3,
  });
  // Mapping patterns: a linear-time engine, so nested quantifiers cannot hang.
  const redos = {
    ...CSV_MAPPING,
    activities: [{ match: { pattern: '^(a+)+$' }, type: 'x-redos' }, ...CSV_MAPPING.activities],
  };
  g.add({
    id: 'redos-pattern',
    about: 'the pattern ^(a+)+$ against 50,000 a and a b',
    args: run(
      g.file('redos.csv', csvRows([...GOOD_ROWS, ['B', `${'a'.repeat(50_000)}b`, '2024-05-01T09:00:00Z']])),
      '--mapping',
      g.file('redos.mapping.json', JSON.stringify(redos)),
    ),
    exit: 0,
    cases: 3,
  });
  const mappings: [string, string, string, string[]][] = [
    ['mapping-not-json', 'a mapping that is not JSON', '{ columns: nope', ['mapping-not-json.json']],
    [
      'mapping-bad-pattern',
      'a pattern that does not compile',
      JSON.stringify({ ...CSV_MAPPING, activities: [{ match: { pattern: '(unclosed' }, type: 'x-a' }] }),
      ['mapping-bad-pattern.json', 'pattern'],
    ],
    [
      'mapping-backreference',
      'a pattern with a backreference (not linear-time)',
      JSON.stringify({ ...CSV_MAPPING, activities: [{ match: { pattern: '(a)\\1' }, type: 'x-a' }] }),
      ['mapping-backreference.json', 'pattern'],
    ],
    [
      'mapping-unknown-key',
      'a misspelt key',
      JSON.stringify({ ...CSV_MAPPING, activites: [] }),
      ['mapping-unknown-key.json', 'activites'],
    ],
    [
      'mapping-bad-type',
      'an activity mapped to an unknown event type',
      JSON.stringify({ ...CSV_MAPPING, activities: [{ match: 'Received', type: 'complaint.recieved' }] }),
      ['mapping-bad-type.json', 'type'],
    ],
    ['mapping-array', 'an array, not a mapping', '[]', ['mapping-array.json']],
    [
      'mapping-proto',
      'a __proto__ key in the mapping',
      `{"__proto__":{"polluted":1},"columns":${JSON.stringify(CSV_MAPPING.columns)},"activities":[]}`,
      ['mapping-proto.json'],
    ],
  ];
  for (const [id, about, content, mentions] of mappings)
    g.add({
      id,
      about,
      args: run(g.path('bom-crlf.csv'), '--mapping', g.file(`${id}.json`, content)),
      exit: 2,
      mentions,
    });
  g.add({
    id: 'mapping-bom',
    about: 'a mapping with a byte-order mark',
    args: run(
      g.path('bom-crlf.csv'),
      '--mapping',
      g.file('mapping-bom.json', `\uFEFF${JSON.stringify(CSV_MAPPING)}`),
    ),
    exit: 0,
    cases: 2,
  });
  g.add({
    id: 'mapping-matches-nothing',
    about: 'a mapping none of whose activities occur',
    args: run(
      g.path('bom-crlf.csv'),
      '--mapping',
      g.file(
        'mapping-nothing.json',
        JSON.stringify({ ...CSV_MAPPING, activities: [{ match: 'Nope', type: 'case.closed' }] }),
      ),
    ),
    exit: 0,
    cases: 2,
  });
  g.add({
    id: 'due-csv-formula',
    about: 'due --format csv over a case id that a spreadsheet would run as a formula',
    args: [
      'due',
      g.file(
        'formula-id.csv',
        csvRows([['=HYPERLINK("http://example.invalid")', 'Received', '2024-05-01T09:00:00+01:00']]),
      ),
      '--mapping',
      mapping,
      '--as-of',
      '2024-05-02T09:00:00+01:00',
      '--format',
      'csv',
    ],
    exit: 0,
  });
  g.add({
    id: 'mapping-missing',
    about: 'a mapping file that does not exist',
    args: run(g.path('bom-crlf.csv'), '--mapping', g.path('no-such.json')),
    exit: 2,
    mentions: ['no-such.json'],
  });
  g.add({
    id: 'validate',
    about: 'validate on a bad timestamp',
    args: ['validate', g.path('bad-timestamp.csv'), '--mapping', mapping, '--format', 'json'],
    exit: 2,
    mentions: ['bad-timestamp.csv', 'time'],
    line: 5,
  });
  g.add({
    id: 'shard',
    about: 'shard on a bad timestamp',
    args: ['shard', g.path('bad-timestamp.csv'), '--mapping', mapping, '--shards', '2', '--out', '{tmp}'],
    problemsFile: 'rejected.ndjson',
    exit: 2,
    mentions: ['bad-timestamp.csv'],
    line: 5,
  });
  g.add({
    id: 'due',
    about: 'due on a bad timestamp',
    args: ['due', g.path('bad-timestamp.csv'), '--mapping', mapping, '--as-of', AS_OF, '--format', 'json'],
    exit: 2,
    mentions: ['bad-timestamp.csv'],
    line: 5,
  });
  return g.done();
}

const XES_MAPPING = {
  columns: { caseId: 'case:concept:name', activity: 'concept:name', timestamp: 'time:timestamp' },
  activities: [{ match: 'register', type: 'complaint.received' }],
};
const xesEvent = (name: string, when: string) =>
  `<event><string key="concept:name" value="${name}"/><date key="time:timestamp" value="${when}"/></event>`;
const xesTrace = (id: string, body = xesEvent('register', '2024-05-01T09:00:00+01:00')) =>
  `<trace><string key="concept:name" value="${id}"/>${body}</trace>`;
const xesLog = (traces: string, prolog = '') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n${prolog}<log xes.version="1.0" xmlns="http://www.xes-standard.org/">\n${traces}\n</log>\n`;

/** XES logs, and XML attacks on the XML readers. */
function xes(): CorpusGroup {
  const g = group('xes');
  const mapping = g.file('mapping.json', JSON.stringify(XES_MAPPING));
  const run = (file: string, ...more: string[]) => check(file, '--mapping', mapping, ...more);
  const three = (bad: string) => xesLog([xesTrace('A'), bad, xesTrace('C')].join('\n'));
  g.add({
    id: 'bad-date',
    about: 'an event date that is not one',
    args: run(g.file('bad-date.xes', three(xesTrace('B', xesEvent('register', 'not a date'))))),
    exit: 2,
    cases: 3,
    mentions: ['bad-date.xes', 'time:timestamp'],
  });
  g.add({
    id: 'nested-trace',
    about: 'a trace inside a trace',
    args: run(
      g.file(
        'nested-trace.xes',
        three(`<trace><string key="concept:name" value="B"/>${xesTrace('B2')}</trace>`),
      ),
    ),
    exit: 2,
    mentions: ['nested-trace.xes', 'trace'],
  });
  g.add({
    id: 'truncated',
    about: 'a log cut off inside a trace',
    args: run(g.file('truncated.xes', three(xesTrace('B')).slice(0, -40))),
    exit: 2,
    mentions: ['truncated.xes'],
  });
  g.add({
    id: 'not-xml',
    about: 'prose named .xes',
    args: run(g.file('not-xml.xes', 'not XML at all\n')),
    exit: 2,
    mentions: ['not-xml.xes'],
  });
  g.add({
    id: 'xxe',
    about: 'an external entity reading /etc/passwd',
    args: run(
      g.file(
        'xxe.xes',
        xesLog(
          xesTrace('A', xesEvent('&xxe;', '2024-05-01T09:00:00Z')),
          '<!DOCTYPE log [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n',
        ),
      ),
    ),
    exit: 2,
    mentions: ['xxe.xes'],
  });
  const laughs = [
    '<!ENTITY lol "lol">',
    ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`),
  ].join('');
  g.add({
    id: 'billion-laughs',
    about: 'nested internal entities (a billion laughs)',
    args: run(
      g.file(
        'laughs.xes',
        xesLog(xesTrace('A', xesEvent('&lol9;', '2024-05-01T09:00:00Z')), `<!DOCTYPE log [${laughs}]>\n`),
      ),
    ),
    exit: 2,
    mentions: ['laughs.xes'],
  });
  g.add({
    id: 'missing-case-name',
    about: 'a trace without concept:name',
    args: run(g.file('no-name.xes', three(`<trace>${xesEvent('register', '2024-05-01T09:00:00Z')}</trace>`))),
    exit: 2,
    cases: 3,
    mentions: ['no-name.xes'],
  });
  g.add({
    id: 'good',
    about: 'a well-formed log',
    args: run(g.file('good.xes', three(xesTrace('B')))),
    exit: 0,
    cases: 3,
  });
  const redos = {
    ...XES_MAPPING,
    activities: [{ match: { pattern: '^(a|aa)+$' }, type: 'x-redos' }, ...XES_MAPPING.activities],
  };
  g.add({
    id: 'redos-pattern',
    about: 'the pattern ^(a|aa)+$ against 50,000 a and a b',
    args: check(
      g.file('redos.xes', three(xesTrace('B', xesEvent(`${'a'.repeat(50_000)}b`, '2024-05-01T09:00:00Z')))),
      '--mapping',
      g.file('redos.mapping.json', JSON.stringify(redos)),
    ),
    exit: 0,
    cases: 3,
  });
  g.add({
    id: 'workers',
    about: 'a bad date with --workers 2',
    args: run(g.path('bad-date.xes'), '--workers', '2'),
    exit: 2,
    cases: 3,
    mentions: ['bad-date.xes'],
    spawn: true,
  });
  return g.done();
}

const OCEL_JSON = {
  objectTypes: [{ name: 'Complaint', attributes: [] }],
  eventTypes: [{ name: 'Received', attributes: [] }],
  objects: [
    { id: 'A', type: 'Complaint', attributes: [] },
    { id: 'B', type: 'Complaint', attributes: [] },
  ],
  events: [
    {
      id: 'e1',
      type: 'Received',
      time: '2024-05-01T09:00:00+01:00',
      attributes: [],
      relationships: [{ objectId: 'A', qualifier: '' }],
    },
    {
      id: 'e2',
      type: 'Received',
      time: '2024-05-01T09:00:00+01:00',
      attributes: [],
      relationships: [{ objectId: 'B', qualifier: '' }],
    },
  ],
};

/** Object-centric logs: JSON, XML and SQLite. */
function ocel(m: Makers): CorpusGroup {
  const g = group('ocel');
  const run = (file: string, ...more: string[]) => check(file, '--case-object-type', 'Complaint', ...more);
  g.add({
    id: 'good-json',
    about: 'a well-formed OCEL JSON log',
    args: run(g.file('good.jsonocel', JSON.stringify(OCEL_JSON))),
    exit: 0,
    cases: 2,
  });
  g.add({
    id: 'no-case-type',
    about: 'OCEL without --case-object-type',
    args: check(g.path('good.jsonocel')),
    exit: 2,
    mentions: ['--case-object-type', 'Complaint'],
  });
  g.add({
    id: 'unknown-case-type',
    about: 'an object type the log lacks',
    args: check(g.path('good.jsonocel'), '--case-object-type', 'Invoice'),
    exit: 2,
    mentions: ['Invoice'],
  });
  g.add({
    id: 'through-related',
    about: '--through-related-objects',
    args: run(g.path('good.jsonocel'), '--through-related-objects'),
    exit: 0,
    cases: 2,
  });
  const badTime = structuredClone(OCEL_JSON);
  (badTime.events[1] as { time: string }).time = 'not a time';
  g.add({
    id: 'bad-time-json',
    about: 'an event time that is not one',
    args: run(g.file('bad-time.jsonocel', JSON.stringify(badTime))),
    exit: 2,
    mentions: ['bad-time.jsonocel'],
  });
  const dangling = structuredClone(OCEL_JSON);
  dangling.events[1]?.relationships.push({ objectId: 'ghost', qualifier: '' });
  g.add({
    id: 'dangling-object',
    about: 'a relationship to an object the log lacks',
    args: run(g.file('dangling.jsonocel', JSON.stringify(dangling))),
    exit: 0,
    cases: 2,
  });
  g.add({
    id: 'events-not-array',
    about: '`events` is an object',
    args: run(g.file('events-object.jsonocel', JSON.stringify({ ...OCEL_JSON, events: {} }))),
    exit: 2,
    mentions: ['events-object.jsonocel', 'events'],
  });
  g.add({
    id: 'truncated-json',
    about: 'a log cut off',
    args: run(g.file('truncated.jsonocel', JSON.stringify(OCEL_JSON).slice(0, 200))),
    exit: 2,
    mentions: ['truncated.jsonocel'],
  });
  const xml = (events: string, prolog = '') =>
    `<?xml version="1.0" encoding="UTF-8"?>\n${prolog}<log><object-types><object-type name="Complaint"><attributes/></object-type></object-types><event-types><event-type name="Received"><attributes/></event-type></event-types><objects><object id="A" type="Complaint"><attributes/></object><object id="B" type="Complaint"><attributes/></object></objects><events>${events}</events></log>\n`;
  const xmlEvent = (id: string, object: string, time: string) =>
    `<event id="${id}" type="Received" time="${time}"><attributes/><objects><relationship object-id="${object}" qualifier=""/></objects></event>`;
  const goodEvents =
    xmlEvent('e1', 'A', '2024-05-01T09:00:00+01:00') + xmlEvent('e2', 'B', '2024-05-01T09:00:00+01:00');
  g.add({
    id: 'good-xml',
    about: 'a well-formed OCEL XML log',
    args: run(g.file('good.xmlocel', xml(goodEvents))),
    exit: 0,
    cases: 2,
  });
  g.add({
    id: 'bad-time-xml',
    about: 'an event time that is not one',
    args: run(
      g.file(
        'bad-time.xmlocel',
        xml(xmlEvent('e1', 'A', '2024-05-01T09:00:00Z') + xmlEvent('e2', 'B', 'soon')),
      ),
    ),
    exit: 2,
    mentions: ['bad-time.xmlocel'],
  });
  g.add({
    id: 'xxe-xml',
    about: 'an external entity in OCEL XML',
    args: run(
      g.file(
        'xxe.xmlocel',
        xml(
          goodEvents.replace('qualifier=""', 'qualifier="&xxe;"'),
          '<!DOCTYPE log [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n',
        ),
      ),
    ),
    exit: 2,
    mentions: ['xxe.xmlocel'],
  });
  g.add({
    id: 'truncated-xml',
    about: 'OCEL XML cut off',
    args: run(g.file('truncated.xmlocel', xml(goodEvents).slice(0, 300))),
    exit: 2,
    mentions: ['truncated.xmlocel'],
  });
  const tables = `
    CREATE TABLE event_map_type (ocel_type TEXT PRIMARY KEY, ocel_type_map TEXT);
    CREATE TABLE object_map_type (ocel_type TEXT PRIMARY KEY, ocel_type_map TEXT);
    CREATE TABLE event (ocel_id TEXT PRIMARY KEY, ocel_type TEXT);
    CREATE TABLE object (ocel_id TEXT PRIMARY KEY, ocel_type TEXT);
    CREATE TABLE event_object (ocel_event_id TEXT, ocel_object_id TEXT, ocel_qualifier TEXT);
    CREATE TABLE object_object (ocel_source_id TEXT, ocel_target_id TEXT, ocel_qualifier TEXT);
    CREATE TABLE event_Received (ocel_id TEXT PRIMARY KEY, ocel_time TIMESTAMP);
    CREATE TABLE object_Complaint (ocel_id TEXT, ocel_time TIMESTAMP, ocel_changed_field TEXT);
    INSERT INTO event_map_type VALUES ('Received', 'Received');
    INSERT INTO object_map_type VALUES ('Complaint', 'Complaint');
    INSERT INTO object VALUES ('A', 'Complaint'), ('B', 'Complaint');
    INSERT INTO object_Complaint VALUES ('A', '1970-01-01 00:00:00', NULL), ('B', '1970-01-01 00:00:00', NULL);
    INSERT INTO event VALUES ('e1', 'Received'), ('e2', 'Received');
    INSERT INTO event_object VALUES ('e1', 'A', ''), ('e2', 'B', '');`;
  g.add({
    id: 'good-sqlite',
    about: 'a well-formed OCEL SQLite log',
    args: run(
      g.file(
        'good.sqlite',
        m.sqlite(
          `${tables} INSERT INTO event_Received VALUES ('e1', '2024-05-01 09:00:00'), ('e2', '2024-05-01 10:00:00');`,
        ),
      ),
    ),
    exit: 0,
    cases: 2,
  });
  g.add({
    id: 'bad-time-sqlite',
    about: 'an event time that is not one',
    args: run(
      g.file(
        'bad-time.sqlite',
        m.sqlite(
          `${tables} INSERT INTO event_Received VALUES ('e1', '2024-05-01 09:00:00'), ('e2', 'whenever');`,
        ),
      ),
    ),
    exit: 2,
    mentions: ['bad-time.sqlite'],
  });
  g.add({
    id: 'no-tables-sqlite',
    about: 'an SQLite database of no OCEL tables',
    args: run(g.file('no-tables.sqlite', m.sqlite('CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1);'))),
    exit: 2,
    mentions: ['no-tables.sqlite'],
  });
  g.add({
    id: 'not-sqlite',
    about: 'text named .sqlite',
    args: run(g.file('not-sqlite.sqlite', 'SQLite format 3 but not really\n')),
    exit: 2,
    mentions: ['not-sqlite.sqlite'],
  });
  return g.done();
}

/** Configuration files (`--config`). */
function config(): CorpusGroup {
  const g = group('config');
  const log = 'test/corpus/ndjson/bom.ndjson';
  const bad: [string, string, string, string[]][] = [
    ['not-json', 'not JSON', 'zone: Europe/London', ['not-json.json']],
    [
      'unknown-zone',
      'a zone that does not exist',
      JSON.stringify({ zone: 'Europe/Atlantis' }),
      ['unknown-zone.json', 'zone'],
    ],
    [
      'unknown-key',
      'a misspelt key',
      JSON.stringify({ zoen: 'Europe/London' }),
      ['unknown-key.json', 'zoen'],
    ],
    [
      'param-proto',
      'parameters.__proto__',
      '{"parameters":{"__proto__":{"acknowledgeWithin":1}}}',
      ['param-proto.json', '__proto__'],
    ],
    [
      'param-tostring',
      'parameters.toString',
      '{"parameters":{"toString":{"x":1}}}',
      ['param-tostring.json', 'toString'],
    ],
    [
      'param-negative',
      'a negative number of working days',
      JSON.stringify({ parameters: { acknowledgeWithin: -3 } }),
      ['param-negative.json', 'acknowledgeWithin'],
    ],
    [
      'param-unknown',
      'a parameter no rule has',
      JSON.stringify({ parameters: { acknowledgeWithn: 3 } }),
      ['param-unknown.json', 'acknowledgeWithn'],
    ],
    [
      'closure-bad-date',
      'a closure on 31 February',
      JSON.stringify({ calendar: { closures: ['2024-02-31'] } }),
      ['closure-bad-date.json'],
    ],
    ['array', 'an array, not an object', '[]', ['array.json']],
  ];
  for (const [id, about, content, mentions] of bad)
    g.add({ id, about, args: check(log, '--config', g.file(`${id}.json`, content)), exit: 2, mentions });
  g.add({
    id: 'bom',
    about: 'a config with a byte-order mark',
    args: check(log, '--config', g.file('bom.json', `\uFEFF${JSON.stringify({ zone: 'Europe/London' })}`)),
    exit: 0,
    cases: 3,
  });
  g.add({
    id: 'missing',
    about: 'a config file that does not exist',
    args: check(log, '--config', g.path('no-such.json')),
    exit: 2,
    mentions: ['no-such.json'],
  });
  return g.done();
}

/** Self-assessment statements files (`self-assessment --statements FILE`). */
function statements(): CorpusGroup {
  const g = group('statements');
  const run = (file: string, ...more: string[]) => [
    'self-assessment',
    'fixtures/hoc-code-2024/cli/two-cases.ndjson',
    '--ruleset',
    'hoc-code-2024',
    '--period',
    '2024-04-01..2025-03-31',
    '--as-of',
    '2025-04-30',
    '--format',
    'json',
    '--quiet',
    '--statements',
    file,
    ...more,
  ];
  const good = { provisions: { '1.2': { comply: 'yes', evidence: 'Complaints policy, section 2.' } } };
  const bad: [string, string, string, string[]][] = [
    ['not-json', 'not JSON', "provisions:\n  '1.2': yes\n", ['not-json.json']],
    ['empty', 'an empty file', '', ['empty.json']],
    ['array', 'an array, not an object', '[]', ['array.json']],
    ['no-provisions', 'an object without provisions', '{}', ['no-provisions.json', 'provisions']],
    [
      'provisions-array',
      'provisions as a list',
      '{"provisions":["1.2"]}',
      ['provisions-array.json', 'provisions'],
    ],
    [
      'unknown-key',
      'a misspelt top-level key',
      JSON.stringify({ ...good, provisons: {} }),
      ['unknown-key.json', 'provisons'],
    ],
    [
      'statement-unknown-key',
      'a misspelt key in a statement',
      '{"provisions":{"1.2":{"complies":"yes"}}}',
      ['statement-unknown-key.json', 'complies'],
    ],
    [
      'comply-maybe',
      'comply neither yes nor no',
      '{"provisions":{"1.2":{"comply":"maybe"}}}',
      ['comply-maybe.json', 'provisions.1.2.comply', 'must be one of'],
    ],
    [
      'evidence-number',
      'evidence that is not text',
      '{"provisions":{"1.2":{"evidence":42}}}',
      ['evidence-number.json', 'provisions.1.2.evidence'],
    ],
    [
      'unknown-provision',
      'a provision the code does not have (a typo for 6.3)',
      '{"provisions":{"6.30":{"comply":"yes"}}}',
      ['unknown-provision.json', '6.30'],
    ],
    [
      'provision-space',
      'a provision number with a trailing space',
      '{"provisions":{"1.2 ":{"comply":"yes"}}}',
      ['provision-space.json', '1.2 '],
    ],
    [
      'provision-proto',
      'a provision numbered __proto__',
      '{"provisions":{"__proto__":{"comply":"yes"}}}',
      ['provision-proto.json', '__proto__'],
    ],
  ];
  for (const [id, about, content, mentions] of bad)
    g.add({ id, about, args: run(g.file(`${id}.json`, content)), exit: 2, mentions });
  g.add({
    id: 'missing',
    about: 'a statements file that does not exist',
    args: run(g.path('no-such.json')),
    exit: 2,
    mentions: ['no-such.json'],
  });
  g.add({
    id: 'bom',
    about: 'a statements file with a byte-order mark',
    args: run(g.file('bom.json', `\uFEFF${JSON.stringify(good)}`)),
    exit: 0,
  });
  g.add({
    id: 'required-missing',
    about: '--require-statements while provisions are still unanswered',
    args: run(g.file('partial.json', JSON.stringify(good)), '--require-statements'),
    exit: 1,
    mentions: ['--require-statements'],
  });
  return g.done();
}

/** Rulesets (`--ruleset DIR`): the manifest and rule files, hostile templates. */
function rulesets(): CorpusGroup {
  const g = group('rulesets');
  const log = 'test/corpus/ndjson/bom.ndjson';
  const manifest = (rules: string[]) =>
    JSON.stringify({
      id: 'corpus',
      version: '1.0.0',
      title: 'Corpus ruleset',
      source: 'corpus',
      publisher: 'corpus',
      commitments: [
        { ref: '1', title: 'One', standards: [{ ref: '1.1', title: 'One', indicators: ['1.1.1'] }] },
      ],
      parameters: {},
      calendar: { zone: 'Europe/London', holidays: { country: 'GB', state: 'SCT' }, countReceiptDay: false },
      filters: {},
      rules,
    });
  const rule = (explain: string) =>
    JSON.stringify({
      ref: '1.1.1',
      id: 'received-on-the-web',
      title: 'Received on the web',
      commitment: '1',
      standard: '1.1',
      words: 'We will take complaints on the web.',
      description: 'Every receipt is by the web.',
      parameters: [],
      facts: {
        receipts: {
          template: 'conformance',
          items: { type: 'complaint.received' },
          require: { where: { 'data.channel': 'web' } },
        },
      },
      appliesWhen: { fact: 'receipts', path: '$.judged', operator: 'greaterThan', value: 0 },
      checks: [
        {
          id: 'web',
          description: 'Every receipt by the web.',
          outcomes: [
            {
              status: 'fail',
              when: { fact: 'receipts', path: '$.violating', operator: 'greaterThan', value: 0 },
              explain: '{receipts.violating} receipts were not by the web.',
            },
          ],
          explain: { pass: explain },
        },
      ],
      explain: { not_applicable: 'No receipt.' },
      statuses: ['pass', 'fail', 'not_applicable'],
    });
  const dirs: [string, string, Record<string, string>, string[]][] = [
    [
      'no-manifest',
      'a folder without ruleset.json',
      { '1.1.1.json': rule('Every receipt ({receipts.eventIds|list}) was by the web.') },
      ['ruleset.json'],
    ],
    ['manifest-not-json', 'ruleset.json is not JSON', { 'ruleset.json': '{ id: corpus' }, ['ruleset.json']],
    [
      'missing-rule',
      'the manifest names a rule file that is absent',
      { 'ruleset.json': manifest(['1.1.1.json']) },
      ['1.1.1'],
    ],
    [
      'rule-not-json',
      'a rule file that is not JSON',
      { 'ruleset.json': manifest(['1.1.1.json']), '1.1.1.json': '{"ref": "1.1.1",' },
      ['1.1.1.json'],
    ],
    [
      'bad-template-filter',
      'an explanation with an unknown filter',
      { 'ruleset.json': manifest(['1.1.1.json']), '1.1.1.json': rule('Received {receipts.judged|shout}.') },
      ['1.1.1', 'shout'],
    ],
    [
      'hostile-template',
      'an explanation reaching for constructor.constructor',
      { 'ruleset.json': manifest(['1.1.1.json']), '1.1.1.json': rule('{constructor.constructor}') },
      ['1.1.1', 'constructor'],
    ],
    [
      'unknown-field',
      'a misspelt rule key',
      {
        'ruleset.json': manifest(['1.1.1.json']),
        '1.1.1.json': rule('Every receipt ({receipts.eventIds|list}) was by the web.').replace(
          '"words"',
          '"wrods"',
        ),
      },
      ['1.1.1', 'wrods'],
    ],
  ];
  for (const [id, about, files, mentions] of dirs) {
    for (const [name, content] of Object.entries(files)) g.file(`${id}/${name}`, content);
    g.add({ id, about, args: check(log, '--ruleset', g.path(id)), exit: 2, mentions });
  }
  g.file('bom/ruleset.json', `\uFEFF${manifest(['1.1.1.json'])}`);
  g.file('bom/1.1.1.json', `\uFEFF${rule('Every receipt ({receipts.eventIds|list}) was by the web.')}`);
  g.add({
    id: 'bom',
    about: 'manifest and rule with byte-order marks',
    args: check(log, '--ruleset', g.path('bom')),
    exit: 0,
    cases: 3,
  });
  g.add({
    id: 'no-such-dir',
    about: 'a ruleset that is neither shipped nor a folder',
    args: check(log, '--ruleset', 'spso-css-9999'),
    exit: 2,
    mentions: ['spso-css-9999'],
  });
  // Every command that loads a ruleset refuses a broken template, not only those that judge.
  for (const [id, args] of [
    ['explain-bad-template', ['explain', '1.1.1']],
    ['rules-bad-template', ['rules']],
    ['summarize-bad-template', ['summarize', 'test/corpus/shards/bom.ndjson']],
  ] as const)
    g.add({
      id,
      about: `${args[0]} loads a ruleset whose rule has an unknown template filter`,
      args: [...args, '--ruleset', g.path('bad-template-filter')],
      exit: 2,
      mentions: ['1.1.1.json', 'checks.0.explain.pass', 'shout'],
    });
  return g.done();
}

/** Reviews (`--reviews`), baselines (`--baseline`), reports given to diff and review. */
function audit(): CorpusGroup {
  const g = group('audit');
  const log = 'test/corpus/ndjson/bom.ndjson';
  const reviews: [string, string, string, string[]][] = [
    [
      'reviews-not-yaml',
      'a review file that is neither YAML nor JSON',
      'reviews: [unclosed\n  - {',
      ['reviews-not-yaml.yaml'],
    ],
    [
      'reviews-yaml-bomb',
      'YAML aliases expanding exponentially',
      `a: &a ["x","x","x","x","x","x","x","x","x"]\n${Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`).join('\n')}\n`,
      ['reviews-yaml-bomb.yaml'],
    ],
    [
      'reviews-bad-date',
      'a review dated 2024-13-01',
      'reviews:\n  - caseId: A\n    ref: 2.1.2\n    decision: accept\n    reason: agreed\n    reviewer: An Auditor\n    reviewedOn: 2024-13-01\n    fingerprint: 0123456789abcdef\n',
      ['reviews-bad-date.yaml', 'reviewedOn'],
    ],
    [
      'reviews-override-no-status',
      'an override that names no status',
      'reviews:\n  - caseId: A\n    ref: 2.1.2\n    decision: override\n    reason: agreed\n    reviewer: An Auditor\n    reviewedOn: 2024-06-01\n    fingerprint: 0123456789abcdef\n',
      ['reviews-override-no-status.yaml', 'status'],
    ],
  ];
  for (const [id, about, content, mentions] of reviews)
    g.add({ id, about, args: check(log, '--reviews', g.file(`${id}.yaml`, content)), exit: 2, mentions });
  const baselines: [string, string, string, string[]][] = [
    ['baseline-not-json', 'a baseline that is not JSON', '{"meta":', ['baseline-not-json.json']],
    ['baseline-not-report', 'a JSON file that is not a report', '{"cases": 3}', ['baseline-not-report.json']],
    [
      'baseline-bom',
      'a byte-order mark before an array, not a report',
      '\uFEFF[]',
      ['baseline-bom.json', 'expected object'],
    ],
  ];
  for (const [id, about, content, mentions] of baselines)
    g.add({ id, about, args: check(log, '--baseline', g.file(`${id}.json`, content)), exit: 2, mentions });
  g.add({
    id: 'diff-not-json',
    about: 'diff of two files that are not reports',
    args: ['diff', g.path('baseline-not-json.json'), g.path('baseline-not-report.json')],
    exit: 2,
    mentions: ['baseline-not-json.json'],
  });
  g.add({
    id: 'review-not-report',
    about: 'review on a file that is not a report',
    args: [
      'review',
      g.path('baseline-not-report.json'),
      '--case',
      'A',
      '--indicator',
      '2.1.2',
      '--accept',
      '--reason',
      'agreed',
      '--reviewer',
      'An Auditor',
      '--to',
      '{tmp}/reviews.yaml',
    ],
    exit: 2,
    mentions: ['baseline-not-report.json'],
  });
  return g.done();
}

/** Shards given to `summarize`. */
function shards(): CorpusGroup {
  const g = group('shards');
  const bad: [string, string, string, string[], number?][] = [
    ['not-ndjson', 'prose', 'not a shard\n', ['not-ndjson.ndjson'], 1],
    ['truncated', 'a shard cut off mid-line', '{"kind":"case","caseId":"A","fin', ['truncated.ndjson'], 1],
    ['empty', 'an empty shard', '', ['empty.ndjson']],
    [
      'report-json',
      'a JSON report, not NDJSON',
      '{"meta":{},"cases":[],"summary":{}}\n',
      ['report-json.ndjson'],
    ],
  ];
  for (const [id, about, content, mentions, line] of bad)
    g.add({
      id,
      about,
      args: ['summarize', g.file(`${id}.ndjson`, content), '--format', 'json'],
      exit: 2,
      mentions: [...mentions, ...(line ? ['last line'] : [])],
    });
  g.add({
    id: 'bom',
    about: 'a shard of prose after a byte-order mark',
    args: ['summarize', g.file('bom.ndjson', '\uFEFFnot a shard\n'), '--format', 'json'],
    exit: 2,
    mentions: ['bom.ndjson', 'last line'],
  });
  const judge = ['check', 'test/corpus/ndjson/bom.ndjson', '--as-of', AS_OF, '--quiet', '--fail-on', 'none'];
  g.add({
    id: 'same-shard-twice',
    about: 'one shard given twice',
    before: { args: [...judge, '--format', 'ndjson'], saveAs: 'shard.ndjson' },
    args: ['summarize', '{tmp}/shard.ndjson', '{tmp}/shard.ndjson', '--format', 'json'],
    exit: 2,
    mentions: ['shard.ndjson'],
  });
  g.add({
    id: 'shard-bom',
    about: 'a shard written with a byte-order mark',
    before: { args: [...judge, '--format', 'ndjson'], saveAs: 'shard.ndjson', bom: true },
    args: ['summarize', '{tmp}/shard.ndjson', '--format', 'json', '--fail-on', 'none'],
    exit: 0,
    cases: 3,
  });
  g.add({
    id: 'baseline-bom',
    about: 'a JSON report with a byte-order mark as the baseline',
    before: { args: [...judge, '--format', 'json'], saveAs: 'base.json', bom: true },
    args: [...judge, '--format', 'json', '--baseline', '{tmp}/base.json'],
    exit: 0,
    cases: 3,
  });
  g.add({
    id: 'baseline-ndjson-bom',
    about: 'an NDJSON report with a byte-order mark as the baseline',
    before: { args: [...judge, '--format', 'ndjson'], saveAs: 'base.ndjson', bom: true },
    args: [...judge, '--format', 'json', '--baseline', '{tmp}/base.ndjson'],
    exit: 0,
    cases: 3,
  });
  g.add({
    id: 'missing',
    about: 'a shard that does not exist',
    args: ['summarize', g.path('no-such.ndjson')],
    exit: 2,
    mentions: ['no-such.ndjson'],
  });
  return g.done();
}

/** Options with values out of range or of the wrong kind. */
function options(): CorpusGroup {
  const g = group('options');
  const log = 'test/corpus/ndjson/bom.ndjson';
  const usage: [string, string, string[], string[]][] = [
    ['as-of-year-0', '--as-of 0000-01-01', ['--as-of', '0000-01-01'], ['--as-of']],
    ['as-of-garbage', '--as-of soon', ['--as-of', 'soon'], ['--as-of']],
    ['as-of-impossible', '--as-of 2024-02-30', ['--as-of', '2024-02-30'], ['--as-of']],
    ['as-of-year-9999', '--as-of 9999-12-31', ['--as-of', '9999-12-31'], ['--as-of']],
    ['fail-on-bogus', '--fail-on bogus', ['--fail-on', 'bogus'], ['--fail-on']],
    ['min-compliance-150', '--min-compliance 150', ['--min-compliance', '150'], ['--min-compliance']],
    ['min-compliance-unknown-ref', '--min-compliance 9.9.9=50', ['--min-compliance', '9.9.9=50'], ['9.9.9']],
    ['only-unknown', '--only 9.9.9', ['--only', '9.9.9'], ['9.9.9']],
    ['workers-0', '--workers 0', ['--workers', '0'], ['--workers']],
    ['workers-65', '--workers 65', ['--workers', '65'], ['--workers']],
    ['max-line-0', '--max-line-mb 0', ['--max-line-mb', '0'], ['--max-line-mb']],
    ['max-line-text', '--max-line-mb lots', ['--max-line-mb', 'lots'], ['--max-line-mb']],
    ['max-inflated-fraction', '--max-inflated-mb 0.5', ['--max-inflated-mb', '0.5'], ['--max-inflated-mb']],
    ['max-case-events-negative', '--max-case-events -1', ['--max-case-events', '-1'], ['--max-case-events']],
    ['format-bogus', '--format pdf', ['--format', 'pdf'], ['--format']],
    ['report-no-path', '--report html:', ['--report', 'html:'], ['--report']],
    [
      'report-bad-dir',
      '--report into a path under a file',
      ['--report', 'html:test/corpus/ndjson/bom.ndjson/r.html'],
      ['bom.ndjson/r.html'],
    ],
    ['detail-bogus', '--detail everything', ['--detail', 'everything'], ['--detail']],
    ['input-format-bogus', '--input-format parquet', ['--input-format', 'parquet'], ['--input-format']],
  ];
  for (const [id, about, more, mentions] of usage)
    g.add({ id, about, args: ['check', log, '--quiet', ...more], exit: 2, mentions });
  const fine: [string, string, string[], number][] = [
    ['skip-all', '--skip every commitment', ['--skip', '1,2,3,L'], 0],
    ['reference-evaluator', '--evaluator json-rules-engine', ['--evaluator', 'json-rules-engine'], 0],
    ['strict', '--strict on good cases', ['--strict'], 0],
    ['detail-full', '--detail full', ['--detail', 'full'], 0],
    ['mchp', '--ruleset mchp-scotland-2020', ['--ruleset', 'mchp-scotland-2020'], 0],
  ];
  for (const [id, about, more] of fine)
    g.add({ id, about, args: [...check(log), ...more], exit: 0, cases: 3 });
  g.add({
    id: 'strict-bad',
    about: '--strict stops at the first invalid case',
    args: ['check', 'test/corpus/ndjson/events-null.ndjson', '--quiet', '--as-of', AS_OF, '--strict'],
    exit: 2,
    mentions: ['events-null.ndjson', 'events'],
    line: 2,
  });
  g.add({
    id: 'fail-on-fail',
    about: 'findings that fail the run',
    args: ['check', log, '--quiet', '--as-of', AS_OF, '--format', 'json'],
    exit: 1,
    cases: 3,
  });
  g.add({
    id: 'min-compliance-unmet',
    about: '--min-compliance 100 unmet',
    args: [...check(log), '--min-compliance', '100'],
    exit: 1,
    cases: 3,
  });
  g.add({
    id: 'html-year-9999',
    about: 'HTML report over a case received in 9999',
    args: [
      'check',
      'test/corpus/ndjson/year-9999.ndjson',
      '--quiet',
      '--as-of',
      AS_OF,
      '--format',
      'html',
      '--fail-on',
      'none',
    ],
    exit: 2,
    mentions: ['year-9999.ndjson'],
    line: 2,
  });
  g.add({
    id: 'html-hostile',
    about: 'HTML report of control characters and markup in ids',
    args: [
      'check',
      'test/corpus/ndjson/control-chars-id.ndjson',
      '--quiet',
      '--as-of',
      AS_OF,
      '--format',
      'html',
      '--fail-on',
      'none',
    ],
    exit: 0,
  });
  for (const format of ['text', 'markdown', 'junit', 'sarif', 'ndjson'])
    g.add({
      id: `format-${format}`,
      about: `--format ${format} over hostile ids`,
      args: [
        'check',
        'test/corpus/ndjson/control-chars-id.ndjson',
        '--quiet',
        '--as-of',
        AS_OF,
        '--format',
        format,
        '--fail-on',
        'none',
      ],
      exit: 0,
    });
  g.add({
    id: 'report-files',
    about: 'every report format to files at once',
    args: [
      ...check(log),
      '--report',
      'html:{tmp}/r.html',
      '--report',
      'junit:{tmp}/r.xml',
      '--report',
      'ndjson:{tmp}/r.ndjson',
    ],
    exit: 0,
    cases: 3,
  });
  g.add({
    id: 'workers',
    about: '--workers 2 over a bad case',
    args: [...check('test/corpus/ndjson/events-null.ndjson'), '--workers', '2'],
    exit: 2,
    cases: 3,
    mentions: ['events-null.ndjson', 'events'],
    line: 2,
    spawn: true,
  });
  g.add({
    id: 'due-within-bogus',
    about: 'due --within soon',
    args: ['due', log, '--within', 'soon'],
    exit: 2,
    mentions: ['--within'],
  });
  g.add({
    id: 'shard-0',
    about: 'shard --shards 0',
    args: ['shard', log, '--shards', '0', '--out', '{tmp}'],
    exit: 2,
    mentions: ['--shards'],
  });
  g.add({
    id: 'shard-2000',
    about: 'shard --shards 2000',
    args: ['shard', log, '--shards', '2000', '--out', '{tmp}'],
    exit: 2,
    mentions: ['--shards'],
  });
  g.add({
    id: 'explain-unknown',
    about: 'explain 9.9.9',
    args: ['explain', '9.9.9'],
    exit: 2,
    mentions: ['9.9.9'],
  });
  g.add({
    id: 'schema-unknown',
    about: 'schema nonsense',
    args: ['schema', 'nonsense'],
    exit: 2,
    mentions: ['nonsense'],
  });
  g.add({
    id: 'unknown-command',
    about: 'a command that does not exist',
    args: ['chekc', log],
    exit: 2,
    mentions: ['chekc'],
  });
  // Every other option once, on good input: each must still end in 0 or 1 without a word astray.
  const hostile = 'test/corpus/ndjson/control-chars-id.ndjson';
  const report = { args: [...check(log)], saveAs: 'base.json' };
  const more: [string, string, string[], 0 | 1, number?][] = [
    ['pretty', '--pretty', [...check(log), '--pretty'], 0, 3],
    [
      'no-color',
      '--no-color on the text report',
      ['check', hostile, '--quiet', '--as-of', AS_OF, '--no-color'],
      1,
    ],
    ['fail-on-pending', '--fail-on pending', [...check(log).slice(0, -2), '--fail-on', 'pending'], 1, 3],
    ['validate-text', 'validate, text', ['validate', hostile], 0],
    [
      'due-ical',
      'due --format ical over hostile ids',
      ['due', hostile, '--as-of', '2024-05-01T12:00:00+01:00', '--format', 'ical'],
      0,
    ],
    [
      'due-within',
      'due --within 3',
      ['due', log, '--as-of', '2024-05-01T12:00:00+01:00', '--within', '3', '--format', 'json'],
      0,
    ],
    ['shard', 'shard into 3', ['shard', hostile, '--shards', '3', '--out', '{tmp}'], 0],
    ['rules-markdown', 'rules --format markdown', ['rules', '--format', 'markdown'], 0],
    [
      'rules-mchp',
      'rules of the MCHP ruleset',
      ['rules', '--ruleset', 'mchp-scotland-2020', '--format', 'json'],
      0,
    ],
    ['explain', 'explain 1.2.2', ['explain', '1.2.2'], 0],
    ['schema', 'schema report', ['schema', 'report'], 0],
  ];
  for (const [id, about, args, exit, cases] of more)
    g.add({ id, about, args, exit, ...(cases === undefined ? {} : { cases }) });
  g.add({
    id: 'fail-on-new',
    about: '--baseline and --fail-on-new against the same run',
    before: report,
    args: [
      'check',
      log,
      '--quiet',
      '--as-of',
      AS_OF,
      '--format',
      'json',
      '--baseline',
      '{tmp}/base.json',
      '--fail-on-new',
    ],
    exit: 0,
    cases: 3,
  });
  g.add({
    id: 'diff',
    about: 'diff of a report with itself',
    before: report,
    args: ['diff', '{tmp}/base.json', '{tmp}/base.json', '--format', 'markdown'],
    exit: 0,
  });
  g.add({
    id: 'review',
    about: 'review of one finding into a new review file',
    before: report,
    args: [
      'review',
      '{tmp}/base.json',
      '--case',
      'A',
      '--indicator',
      '2.1.2',
      '--accept',
      '--reason',
      'agreed',
      '--reviewer',
      'An Auditor',
      '--date',
      '2024-07-01',
      '--to',
      '{tmp}/reviews.yaml',
    ],
    exit: 0,
  });
  return g.done();
}

/** Every group of the corpus, in order. */
export function corpusGroups(m: Makers): CorpusGroup[] {
  return [
    ndjson(m),
    json(),
    csv(),
    xes(),
    ocel(m),
    config(),
    statements(),
    rulesets(),
    audit(),
    shards(),
    options(),
  ];
}
