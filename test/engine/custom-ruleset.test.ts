import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateCase, loadRuleset, RulesetError, shippedRulesetDir } from '../../src/index.js';

// A user's own ruleset directory loads the same way as the shipped one.
function copyRuleset(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'ruleset-')), 'mine');
  cpSync(shippedRulesetDir(), dir, { recursive: true });
  return dir;
}

const history = {
  caseId: 'C-1',
  events: [
    { id: 'e1', type: 'complaint.received', at: '2024-05-01T10:00:00+01:00' },
    {
      id: 'e2',
      type: 'communication.sent',
      at: '2024-05-03T10:00:00+01:00',
      data: { to: 'complainant', covers: ['complaints_procedure'] },
    },
  ],
};

describe('a ruleset directory of ones own', () => {
  it('loads, with its own parameter defaults and only the rules its manifest lists', async () => {
    const dir = copyRuleset();
    const manifest = JSON.parse(readFileSync(join(dir, 'ruleset.json'), 'utf8'));
    manifest.id = 'my-standards';
    manifest.rules = ['2.1.2.json'];
    manifest.parameters.acknowledgeWithin.default = 1;
    writeFileSync(join(dir, 'ruleset.json'), JSON.stringify(manifest));
    const ruleset = await loadRuleset({ dir });
    expect(ruleset.manifest.id).toBe('my-standards');
    const r = await evaluateCase(history, { untrusted: true, ruleset, asOf: '2024-06-01T00:00:00Z' });
    expect(r.findings.map((f) => [f.ref, f.status])).toEqual([['2.1.2', 'fail']]);
    // The same case passes under the shipped default of 3 working days.
    const shipped = await evaluateCase(history, {
      untrusted: true,
      ruleset: await loadRuleset(),
      asOf: '2024-06-01T00:00:00Z',
      only: ['2.1.2'],
    });
    expect(shipped.findings[0]?.status).toBe('pass');
  });

  it('is refused with the file and field of every problem', async () => {
    const dir = copyRuleset();
    const rule = JSON.parse(readFileSync(join(dir, '1.2.1.json'), 'utf8'));
    rule.statuses = ['pass', 'maybe'];
    writeFileSync(join(dir, '1.2.1.json'), JSON.stringify(rule));
    const err = await loadRuleset({ dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RulesetError);
    expect((err as RulesetError).issues.map((i) => [i.file, i.path.join('.')])).toEqual([
      ['1.2.1.json', 'statuses.1'],
    ]);
  });
});
