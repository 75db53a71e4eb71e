import { describe, expect, it } from 'vitest';
import {
  evaluateCase,
  formatHtml,
  formatJson,
  formatMarkdown,
  formatText,
  loadRuleset,
  type Report,
  summarize,
} from '../../src/index.js';
import { sampleMeta } from '../support/report.js';

// Reports cite ids, dates and counts: never a letter's words or a person's name.
describe('what a report never copies', () => {
  it('holds no letter text and no name, whatever the case carries', async () => {
    const ruleset = await loadRuleset();
    const text =
      'Dear Ms Quartermaine-Fotheringay, thank you for your letter about the repairs to your kitchen. We have looked at what you sent us and we will write again soon with our findings about the case.';
    const result = await evaluateCase(
      {
        caseId: 'P-1',
        attributes: { subject: 'Kitchen repairs for Ms Quartermaine-Fotheringay' },
        events: [
          {
            id: 'e1',
            type: 'complaint.received',
            at: '2024-05-01T10:00:00+01:00',
            actor: { role: 'complainant', name: 'Ada Quartermaine-Fotheringay' },
          },
          {
            id: 'e2',
            type: 'representative.authorised',
            at: '2024-05-02T10:00:00+01:00',
            data: { name: 'Basil Zebedee-Wolstenholme' },
          },
          {
            id: 'e3',
            type: 'communication.sent',
            at: '2024-05-03T10:00:00+01:00',
            actor: { role: 'staff', name: 'Cedric Officer-Nameless' },
            data: {
              to: 'complainant',
              covers: ['investigation_process'],
              contactName: 'Cedric Officer-Nameless',
              text,
            },
          },
        ],
      },
      { ruleset, asOf: '2024-09-01T00:00:00Z', timeline: true },
    );
    const report: Report = {
      meta: sampleMeta(ruleset),
      summary: summarize([result], { ruleset }),
      cases: [result],
    };
    const outputs = [
      formatJson(report),
      formatMarkdown(report),
      formatText(report),
      formatHtml(report, ruleset),
    ];
    for (const out of outputs) {
      for (const secret of ['Quartermaine', 'Zebedee', 'Officer-Nameless', 'kitchen', 'Dear Ms'])
        expect(out).not.toContain(secret);
    }
  });
});
