import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadMapping, MappingError, parseMapping, ReadError } from '../../src/index.js';
import { DEFAULT_MAPPING, MappingSchema } from '../../src/model/mapping.js';
import { slugify } from '../../src/readers/compile-mapping.js';

const RECEIPT_MAPPING = fileURLToPath(new URL('../../docs/examples/receipt.mapping.json', import.meta.url));
const minimal = { columns: { caseId: 'id', activity: 'activity', timestamp: 'at' }, activities: [] };

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mapping-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('MappingSchema', () => {
  it('converts to a JSON Schema (transform-free)', () => {
    const schema = z.toJSONSchema(MappingSchema) as {
      properties: Record<string, unknown>;
      required: string[];
    };
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining([
        'columns',
        'caseAttributes',
        'timestampFormats',
        'zone',
        'filters',
        'activities',
        'unmapped',
      ]),
    );
    expect(schema.required).toEqual(['columns', 'activities']);
  });

  it('accepts the worked receipt mapping and the default mapping', async () => {
    const mapping = await loadMapping(RECEIPT_MAPPING);
    expect(mapping.activities.length).toBeGreaterThan(5);
    expect(MappingSchema.parse(DEFAULT_MAPPING).columns.caseId).toBe('case:concept:name');
  });

  it('reports every problem: unknown keys, bad regular expressions, unknown zones, data that does not fit its type', () => {
    const bad = {
      ...minimal,
      colums: {},
      zone: 'Mars/Olympus',
      filters: [{ column: 'x', pattern: '(' }],
      activities: [
        { match: { pattern: '[' }, type: 'x-a' },
        { match: 'Letter', type: 'communication.sent', data: { to: 'the moon', covers: ['acknowledgment'] } },
        { match: 'Odd', type: 'not.a.type' },
      ],
    };
    let error: unknown;
    try {
      parseMapping(bad, 'bad.mapping.json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MappingError);
    const issues = (error as MappingError).issues.map((i) => [i.path.join('.'), i.file]);
    expect(issues).toEqual(
      expect.arrayContaining([
        ['', 'bad.mapping.json'],
        ['zone', 'bad.mapping.json'],
        ['filters.0.pattern', 'bad.mapping.json'],
        ['activities.0.match.pattern', 'bad.mapping.json'],
        ['activities.1.data.to', 'bad.mapping.json'],
        ['activities.1.data.covers.0', 'bad.mapping.json'],
        ['activities.2.type', 'bad.mapping.json'],
      ]),
    );
    expect((error as MappingError).message).toMatch(
      /^Invalid mapping "bad.mapping.json":\n {2}bad.mapping.json: /,
    );
  });

  it('loadMapping: ReadError for a missing file, MappingError with the line for invalid JSON', async () => {
    await expect(loadMapping(join(dir, 'none.json'))).rejects.toBeInstanceOf(ReadError);
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{\n  "columns": {\n    "caseId": "id",\n  }\n}');
    const error = await loadMapping(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MappingError);
    expect((error as MappingError).issues[0]).toMatchObject({ code: 'invalid_json', file, line: 4 });
  });
});

describe('unmapped activity types', () => {
  it.each([
    ['T02 Check confirmation of receipt', 'x-t02-check-confirmation-of-receipt'],
    ['  Réponse envoyée!  ', 'x-reponse-envoyee'],
    ['Brief 文书 sent', 'x-brief-文书-sent'],
    ['***', 'x-activity'],
  ])('%s → %s', (activity, type) => {
    expect(slugify(activity)).toBe(type);
  });
});
