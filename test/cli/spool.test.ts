/**
 * The spool keeps the parts of a report in temporary files, gives them back in order, and leaves
 * nothing behind: when disposed, when the process exits first, and when it is interrupted.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createSpool } from '../../src/cli/spool.js';
import {
  formatJson,
  formatJunit,
  formatMarkdown,
  formatSarif,
  formatText,
  loadRuleset,
} from '../../src/index.js';
import { ReportSchema } from '../../src/schemas.js';
import { CLI_TIMEOUT, cli, ROOT, SAMPLE, SAMPLE_AS_OF, SMALL, SMALL_AS_OF } from './_cli.js';

const folders: string[] = [];
/** What a spool left in `dir` (the test's own temporary folder, which tsx shares). */
const leftIn = (dir: string) => readdirSync(dir).filter((name) => name.startsWith('service-standards-'));
const newTmp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'spool-test-'));
  folders.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function collect(write: (out: PassThrough) => Promise<void>): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (b: Buffer) => chunks.push(b));
  await write(out);
  out.end();
  return Buffer.concat(chunks).toString('utf8');
}

/** Runs a script that makes a spool (under `tmp`) and then does `then`; resolves with how it ended. */
function spoolChild(tmp: string, then: string, signal?: NodeJS.Signals) {
  const script = `
    import { createSpool } from './src/cli/spool.ts';
    const spool = createSpool();
    spool.append('a', 'x'.repeat(100000));
    spool.append('b', 'y');
    process.stdout.write('ready\\n');
    ${then}
  `;
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: ROOT,
      env: { ...process.env, TMPDIR: tmp, NODE_OPTIONS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => {
      stderr += b.toString();
    });
    child.stdout.on('data', (b: Buffer) => {
      // Interrupted only once the spool has its files: no race with the script's own start.
      if (signal && b.toString().includes('ready')) child.kill(signal);
    });
    child.on('close', (code, sig) => resolve({ code, signal: sig, stderr }));
  });
}

describe('createSpool', { timeout: CLI_TIMEOUT }, () => {
  it('gives text and parts back in the order asked, however large, and empty for a part never written', async () => {
    const spool = createSpool();
    try {
      const big = 'é'.repeat(200_000);
      spool.append('b', 'B1');
      spool.append('a', big);
      spool.append('b', 'B2');
      const text = await collect((out) =>
        spool.writeTo(['<', { part: 'b' }, '|', { part: 'a' }, '|', { part: 'none' }, '>'], out),
      );
      expect(text).toBe(`<B1B2|${big}|>`);
    } finally {
      spool.dispose();
    }
    expect(() => spool.append('a', 'late')).toThrow('disposed');
  });

  it('keeps every character of many small appends that fill its buffers, interleaved across parts', async () => {
    const spool = createSpool();
    try {
      // One to four bytes of UTF-8 per character, in pieces of every length around the buffer's.
      const alphabet = ['a', 'é', '€', '😀', '<&>'];
      const expected: Record<string, string[]> = { x: [], y: [] };
      for (let i = 0; i < 30_000; i++) {
        const piece = (alphabet[i % alphabet.length] as string).repeat((i * 7) % 23);
        const part = i % 3 === 0 ? 'y' : 'x';
        spool.append(part, piece);
        expected[part]?.push(piece);
      }
      const text = await collect((out) => spool.writeTo([{ part: 'x' }, '|', { part: 'y' }], out));
      expect(text).toBe(`${expected.x?.join('')}|${expected.y?.join('')}`);
    } finally {
      spool.dispose();
    }
  });

  it('leaves no file behind when disposed, and makes none when nothing is appended', async () => {
    const tmp = newTmp();
    const r = await spoolChild(tmp, 'spool.dispose(); const unused = createSpool(); unused.dispose();');
    expect(r.code, r.stderr).toBe(0);
    expect(leftIn(tmp)).toEqual([]);
  });

  it('leaves no file behind when the process exits without disposing it, or fails', async () => {
    const tmp = newTmp();
    const exits = await spoolChild(tmp, 'process.exit(3);');
    expect(exits.code, exits.stderr).toBe(3);
    const fails = await spoolChild(tmp, 'throw new Error("boom");');
    expect(fails.code).toBe(1);
    expect(fails.stderr).toContain('boom');
    expect(leftIn(tmp)).toEqual([]);
  });

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`leaves no file behind when interrupted (${signal}), and still dies of the signal`, async () => {
      const tmp = newTmp();
      const r = await spoolChild(tmp, 'setInterval(() => {}, 1000);', signal);
      expect(r.signal, r.stderr).toBe(signal);
      expect(leftIn(tmp)).toEqual([]);
    });
  }

  it('check writes through the spool exactly what each format prints for the whole report in memory', async () => {
    const dir = newTmp();
    const others = ['junit', 'sarif', 'markdown', 'text'] as const;
    const r = await cli(
      [
        'check',
        SAMPLE,
        '--as-of',
        SAMPLE_AS_OF,
        '--fail-on',
        'none',
        '--format',
        'json',
        '--pretty',
        ...others.flatMap((f) => ['--report', `${f}:${join(dir, `report.${f}`)}`]),
      ],
      { env: { TMPDIR: dir } },
    );
    expect(r.code, r.stderr).toBe(0);
    const report = ReportSchema.parse(JSON.parse(r.stdout));
    expect(report.cases?.length).toBe(50);
    expect(r.stdout).toBe(formatJson(report, { indent: 2 }));
    const ruleset = await loadRuleset();
    const expected = {
      junit: formatJunit(report),
      sarif: formatSarif(report, ruleset, { root: ROOT }),
      markdown: formatMarkdown(report),
      text: formatText(report),
    };
    for (const f of others) expect(readFileSync(join(dir, `report.${f}`), 'utf8'), f).toBe(expected[f]);
    expect(leftIn(dir)).toEqual([]);
  });

  it('check leaves no file behind when a report cannot be written', async () => {
    const tmp = newTmp();
    // The report's path is a folder: writing it fails after every case was spooled.
    const r = await cli(
      ['check', SMALL, '--as-of', SMALL_AS_OF, '--format', 'ndjson', '--report', `junit:${tmp}`],
      { env: { TMPDIR: tmp } },
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`cannot write the report ${tmp}`);
    expect(leftIn(tmp)).toEqual([]);
  });
});
