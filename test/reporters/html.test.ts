/**
 * The HTML report without a browser: escaping, what it derives from the findings, and the page's
 * Content-Security-Policy matching its own script and stylesheet. The browser tests
 * (`test/browser/html-report.test.ts`) check what a reader sees.
 */
import { createHash } from 'node:crypto';
import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { formatHtml } from '../../src/index.js';
import type { Finding } from '../../src/model/finding.js';
import { CLIENT_SCRIPT } from '../../src/reporters/html/client.js';
import { citedEventsOf, eventDatesOf, receiptDateOf } from '../../src/reporters/html/data.js';
import { embedJson, escapeHtml } from '../../src/reporters/html/escape.js';
import { sampleReport, sampleRuleset } from '../support/report.js';

const finding = (evidence: string[], measured: Record<string, unknown> = {}): Finding => ({
  ref: '1.2.1',
  id: 'x',
  status: 'pass',
  explanation: '',
  evidence,
  measured,
});

describe('escaping', () => {
  it('escapes markup and attribute characters', () => {
    expect(escapeHtml(`<img src=x onerror="a('b')">&`)).toBe(
      '&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;',
    );
  });

  it('embeds JSON with no `<` and no raw line separators, parsing back to the same value', () => {
    const value = { a: '</script><script>alert(1)</script>', b: '<!-- \u2028 \u2029 & >', c: [1, null] };
    const text = embedJson(value);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('what the report derives from the findings', () => {
  it('reads the receipt date from the timeliness measurement, and none when findings disagree', () => {
    const time = (receiptDate: string) => ({ time: { receiptDate, state: 'met' } });
    expect(receiptDateOf([finding([]), finding([], time('2024-05-01'))])).toBe('2024-05-01');
    expect(receiptDateOf([finding([], time('2024-05-01')), finding([], time('2024-05-01'))])).toBe(
      '2024-05-01',
    );
    expect(receiptDateOf([finding([], time('2024-05-01')), finding([], time('2024-05-02'))])).toBeUndefined();
    expect(receiptDateOf([finding([], { time: { measured: false } })])).toBeUndefined();
    expect(receiptDateOf([finding([], time('not a date'))])).toBeUndefined();
  });

  it('dates the events the measurements pair with a date, and drops an id given two', () => {
    const dates = eventDatesOf([
      finding([], { sent: { first: { id: 'e2', date: '2024-05-02', at: '2024-05-02T10:00:00Z' } } }),
      finding([], {
        gaps: { longest: { fromId: 'e2', fromDate: '2024-05-02', toId: 'e4', toDate: '2024-05-09' } },
      }),
      finding([], { r: { items: [{ responseId: 'e5', responseDate: '2024-05-10' }] } }),
      finding([], { x: { id: 'e5', date: '2024-05-11' } }),
      finding([], { x: { triggerId: 'e1', startDate: '2024-05-01' } }),
    ]);
    expect([...dates]).toEqual([
      ['e2', '2024-05-02'],
      ['e4', '2024-05-09'],
    ]);
  });

  it('lists the cited events once each, in time order as far as the findings tell it', () => {
    const events = citedEventsOf([
      finding(['e1', 'e3']),
      finding(['e2', 'e3', 'e9'], { m: { first: { id: 'e9', date: '2024-05-01' } } }),
      finding(['e1', 'e2'], { m: { last: { id: 'e7', date: '2024-05-03' } } }),
      finding(['e7'], { m: { a: { id: 'e8', date: '2024-04-30' } } }),
      finding(['e8']),
    ]);
    // e1 < e2 < e3 < e9 from the evidence; e8 (30 Apr) < e9 (1 May) < e7 (3 May) by date.
    expect(events.map(([id]) => id)).toEqual(['e1', 'e2', 'e3', 'e8', 'e9', 'e7']);
    expect(events.find(([id]) => id === 'e9')?.[1]).toBe('2024-05-01');
    expect(events.find(([id]) => id === 'e1')?.[1]).toBe('');
  });

  it('still lists every event when the findings contradict each other', () => {
    const events = citedEventsOf([finding(['a', 'b']), finding(['b', 'a']), finding(['c'])]);
    expect(events.map(([id]) => id).sort()).toEqual(['a', 'b', 'c']);
  });
});

describe('formatHtml', () => {
  const report = sampleReport();
  const ruleset = sampleRuleset();
  const html = formatHtml(report, ruleset);

  it('is the same bytes for the same report', () => {
    expect(formatHtml(report, ruleset)).toBe(html);
  });

  it('allows, by hash, exactly its own script and stylesheet, and no connection', () => {
    const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
    const hash = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    expect(script).toBe(CLIENT_SCRIPT);
    expect(csp).toContain(`script-src ${hash(script)}`);
    expect(csp).toContain(`style-src ${hash(style)}`);
    expect(csp).toContain("default-src 'none'");
    expect(html).not.toMatch(/\b(src|href)="(https?:)?\/\//);
  });

  it('inlines a script that parses', () => {
    expect(() => new Script(CLIENT_SCRIPT)).not.toThrow();
  });

  it('says when the report gives no receipt dates, and lists rejected cases', () => {
    expect(html).toContain('does not give the cases’ receipt dates');
    expect(html).toContain('id="rejected"');
    expect(html).toContain('C-005');
  });

  it('takes a title and a page size', () => {
    const custom = formatHtml(report, ruleset, { title: 'Audit <2024>', pageSize: 25 });
    expect(custom).toContain('<h1>Audit &lt;2024&gt;</h1>');
    expect(custom).toContain('data-page-size="25"');
  });
});
