/** `--help` says how to call the command in CI: examples, exit codes, environment; FORCE_COLOR forces colour. */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { forceColor } from '../../src/cli/help-text.js';
import { buildProgram } from '../../src/cli/program.js';
import { CLI_TIMEOUT, cli, ROOT, SMALL, SMALL_AS_OF } from './_cli.js';

describe.concurrent('help and colour', { timeout: CLI_TIMEOUT }, () => {
  it('--help shows examples, the exit codes and the environment read', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Examples:\n {2}\$ service-standards check /);
    expect(r.stdout).toMatch(
      /Exit codes:\n {2}0 +.*\n {2}1 +.*--fail-on .*\n {2}2 +usage, configuration or input errors/,
    );
    expect(r.stdout).toContain('FORCE_COLOR');
  });

  it('check --help and validate --help show theirs, with the defaults', async () => {
    const check = await cli(['check', '--help']);
    expect(check.stdout).toMatch(/--format <format>[\s\S]*default: "text"/);
    expect(check.stdout).toContain('$ service-standards check cases.ndjson --as-of');
    const validate = await cli(['validate', '--help']);
    expect(validate.stdout).toContain('--format json | jq .problems');
    expect(validate.stdout).toMatch(/Exit codes:\n {2}0 +every case is valid/);
    const summarize = await cli(['summarize', '--help']);
    expect(summarize.stdout).toMatch(/--fail-on <status>[\s\S]*default: "fail"/);
    expect(summarize.stdout).toContain('$ service-standards summarize out-*.ndjson --format json');
    expect(summarize.stdout).toMatch(/Exit codes:\n {2}0 +.*\n {2}1 +.*--fail-on/);
  });

  it('FORCE_COLOR colours the text report off a terminal; NO_COLOR still wins', async () => {
    const args = ['check', SMALL, '--as-of', SMALL_AS_OF, '--fail-on', 'none'];
    const forced = await cli(args, { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(forced.stdout).toContain('\u001b[');
    const both = await cli(args, { env: { FORCE_COLOR: '1' } });
    expect(both.stdout).not.toContain('\u001b[');
    const plain = await cli(args, { env: { NO_COLOR: undefined } });
    expect(plain.stdout).not.toContain('\u001b[');
  });

  it('FORCE_COLOR=0 or false does not force', () => {
    expect([forceColor({}), forceColor({ FORCE_COLOR: '0' }), forceColor({ FORCE_COLOR: 'false' })]).toEqual([
      false,
      false,
      false,
    ]);
    expect([forceColor({ FORCE_COLOR: '1' }), forceColor({ FORCE_COLOR: '' })]).toEqual([true, true]);
  });
});

/** `--help` of one command, run in process (commander writes the help, then stops with an error). */
async function helpOf(args: readonly string[]): Promise<string> {
  let out = '';
  const sink = new Writable({
    write(chunk, _encoding, done) {
      out += String(chunk);
      done();
    },
  });
  const io = {
    stdout: sink,
    stderr: sink,
    stdin: process.stdin,
    env: { NO_COLOR: '1' },
    now: () => new Date(0),
    cwd: ROOT,
  };
  try {
    await buildProgram(io, '0.0.0').run(['node', 'service-standards', ...args, '--help']);
  } catch (e) {
    if ((e as { code?: string }).code !== 'commander.helpDisplayed') throw e;
  }
  return out;
}

describe('every command --help', () => {
  it('lists examples of that command and its exit codes', async () => {
    const top = await helpOf([]);
    const listed = top.split('\nCommands:\n')[1]?.split('\n\n')[0] ?? '';
    const commands = [...listed.matchAll(/^ {2}([a-z-]+)/gm)]
      .map((m) => m[1] as string)
      .filter((c) => c !== 'help');
    expect(commands).toEqual(
      expect.arrayContaining(['check', 'validate', 'rules', 'explain', 'schema', 'summarize']),
    );
    for (const command of commands) {
      const help = await helpOf([command]);
      expect(help, command).toContain(`Examples:\n  $ `);
      expect(help, command).toMatch(new RegExp(`\\$ (eval "\\$\\()?service-standards ${command}\\b`));
      if (command !== 'completion') expect(help, command).toMatch(/Exit codes:\n {2}0 /);
    }
  });
});
