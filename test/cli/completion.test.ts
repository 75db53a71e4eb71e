/**
 * `completion bash|zsh|fish`: each script is loaded by its real shell and asked what completes
 * a command line: commands, a command's options, the values of an option with a fixed set.
 * CI installs zsh and fish (Debian's packages).
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_TIMEOUT, cli, useCliSuite } from './_cli.js';

const suite = useCliSuite();

/** Runs `code` in `shell` with the completion script sourced first; what it prints. */
async function inShell(shell: 'bash' | 'zsh' | 'fish', code: string): Promise<string> {
  const script = await cli(['completion', shell]);
  expect(script.code, script.stderr).toBe(0);
  const file = join(suite.dir(), `completion.${shell}`);
  writeFileSync(file, script.stdout);
  const setup = shell === 'zsh' ? 'autoload -U compinit && compinit -u -D; ' : '';
  const run = spawnSync(
    shell,
    shell === 'zsh' ? ['-fc', `${setup}source ${file}; ${code}`] : ['-c', `source ${file}; ${code}`],
    {
      encoding: 'utf8',
    },
  );
  if (run.error)
    throw new Error(`${shell} is needed for this test (apt-get install ${shell}): ${run.error.message}`);
  expect(run.stderr).toBe('');
  return run.stdout;
}

/** What bash's completion function offers for a command line, the last word being completed. */
const bashWords = (...words: string[]) =>
  `COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _service_standards; echo "\${COMPREPLY[*]}"`;

describe.concurrent('completion', { timeout: CLI_TIMEOUT }, () => {
  it('bash: commands, options, option values and argument values; files otherwise', async () => {
    const out = await inShell(
      'bash',
      [
        'complete -p service-standards',
        bashWords('service-standards', 'summ'),
        bashWords('service-standards', 'check', '--fo'),
        bashWords('service-standards', 'check', '--fail-on', 'p'),
        bashWords('service-standards', 'due', '--format', ''),
        bashWords('service-standards', 'completion', ''),
        bashWords('service-standards', 'check', 'cases'),
      ].join('; '),
    );
    expect(out.split('\n')).toEqual([
      'complete -o default -F _service_standards service-standards',
      'summarize',
      '--format',
      'pending',
      'text json csv ical',
      'bash zsh fish',
      '',
      '',
    ]);
  });

  it('zsh: registered through bashcompinit, with the same answers', async () => {
    const out = await inShell(
      'zsh',
      `print -r -- $_comps[service-standards]; setopt ksharrays; ${bashWords('service-standards', 'review', '--override', '')}`,
    );
    expect(out).toBe('_bash_complete -o default -F _service_standards\npass fail not_applicable\n');
  });

  it('fish: commands with their descriptions, options and their values', async () => {
    const out = await inShell(
      'fish',
      "complete -C 'service-standards summ'; complete -C 'service-standards validate --for'; complete -C 'service-standards validate --format '",
    );
    expect(out.split('\n')).toEqual([
      'summarize\tmerge per-shard NDJSON outputs into one report, as one run over them all',
      '--format\ttext: one problem a line; json: one object (valid, counts, problems)',
      'json\ttext: one problem a line; json: one object (valid, counts, problems)',
      'text\ttext: one problem a line; json: one object (valid, counts, problems)',
      '',
    ]);
  });

  it('refuses a shell it does not know, naming those it does', async () => {
    const r = await cli(['completion', 'tcsh']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Allowed choices are bash, zsh, fish');
  });
});
