/**
 * `completion bash|zsh|fish`: a shell completion script written from the command tree itself
 * (commands, options, and the values of options with a fixed set), so it never falls behind the
 * commands. Static: pressing Tab starts no Node process. Files complete as the shell does.
 */
import type { Command } from 'commander';
import { type CliIo, writeText } from './io.js';

/** The shells `completion` writes a script for. */
export const COMPLETION_SHELLS = ['bash', 'zsh', 'fish'] as const;
export type CompletionShell = (typeof COMPLETION_SHELLS)[number];

/** @internal One option as a completion knows it. */
interface _Flag {
  long?: string | undefined;
  short?: string | undefined;
  takesValue: boolean;
  choices?: readonly string[] | undefined;
  description: string;
}

/** @internal One command as a completion knows it. */
interface _Verb {
  name: string;
  description: string;
  flags: _Flag[];
  /** The values its first argument takes, when they are a fixed set. */
  values?: readonly string[] | undefined;
}

const _HELP: _Flag = { long: '--help', short: '-h', takesValue: false, description: 'display help' };

function _flags(command: Command): _Flag[] {
  const flags = command.options
    .filter((o) => !o.hidden)
    .map((o) => ({
      long: o.long,
      short: o.short,
      takesValue: o.required || o.optional,
      choices: o.argChoices,
      description: o.description,
    }));
  return [...flags, _HELP];
}

function _verbs(program: Command): _Verb[] {
  return program.commands
    .filter((c) => c.name() !== 'help')
    .map((c) => ({
      name: c.name(),
      description: c.description(),
      flags: _flags(c),
      values: c.registeredArguments[0]?.argChoices,
    }));
}

const _words = (flags: _Flag[]) =>
  flags.flatMap((f) => [f.long, f.short].filter((w): w is string => w !== undefined)).join(' ');

function _bash(name: string, top: _Flag[], verbs: _Verb[]): string {
  const fn = `_${name.replace(/\W/g, '_')}`;
  const choices = verbs.flatMap((v) =>
    v.flags
      .filter((f) => f.choices !== undefined)
      .map(
        (f) =>
          `    "${v.name} ${f.long}") COMPREPLY=($(compgen -W "${f.choices?.join(' ')}" -- "$cur")); return ;;`,
      ),
  );
  const options = verbs.map((v) => `      ${v.name}) words="${_words(v.flags)}" ;;`);
  const values = verbs
    .filter((v) => v.values !== undefined)
    .map((v) => `      ${v.name}) COMPREPLY=($(compgen -W "${v.values?.join(' ')}" -- "$cur")); return ;;`);
  return `# ${name} completion for bash: add to ~/.bashrc
#   eval "$(${name} completion bash)"
${fn}() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]} verb=\${COMP_WORDS[1]} words
  COMPREPLY=()
  if [[ $COMP_CWORD -eq 1 ]]; then
    COMPREPLY=($(compgen -W "${verbs.map((v) => v.name).join(' ')} ${_words(top)}" -- "$cur"))
    return
  fi
  case "$verb $prev" in
${choices.join('\n')}
  esac
  if [[ $COMP_CWORD -eq 2 && $cur != -* ]]; then
    case $verb in
${values.join('\n')}
    esac
  fi
  if [[ $cur == -* ]]; then
    case $verb in
${options.join('\n')}
    esac
    COMPREPLY=($(compgen -W "$words" -- "$cur"))
  fi
}
complete -o default -F ${fn} ${name}
`;
}

function _zsh(name: string, top: _Flag[], verbs: _Verb[]): string {
  // zsh runs the bash function through its own bashcompinit layer.
  return `# ${name} completion for zsh: add to ~/.zshrc (after compinit)
#   eval "$(${name} completion zsh)"
autoload -U +X bashcompinit && bashcompinit
${_bash(name, top, verbs).replace(/^#.*\n#.*\n/, '')}`;
}

const _fishQuote = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function _fishFlag(name: string, condition: string, f: _Flag): string {
  const parts = [`complete -c ${name} -n ${_fishQuote(condition)}`];
  if (f.long) parts.push(`-l ${f.long.slice(2)}`);
  if (f.short) parts.push(`-s ${f.short.slice(1)}`);
  if (f.choices) parts.push(`-x -a ${_fishQuote(f.choices.join(' '))}`);
  else if (f.takesValue) parts.push('-r');
  parts.push(`-d ${_fishQuote(f.description)}`);
  return parts.join(' ');
}

function _fish(name: string, top: _Flag[], verbs: _Verb[]): string {
  const lines = [
    `# ${name} completion for fish: save as ~/.config/fish/completions/${name}.fish`,
    `#   ${name} completion fish > ~/.config/fish/completions/${name}.fish`,
    `complete -c ${name} -f -n __fish_use_subcommand`,
    ...verbs.map(
      (v) => `complete -c ${name} -n __fish_use_subcommand -a ${v.name} -d ${_fishQuote(v.description)}`,
    ),
    ...top.map((f) => _fishFlag(name, '__fish_use_subcommand', f)),
    ...verbs.flatMap((v) => v.flags.map((f) => _fishFlag(name, `__fish_seen_subcommand_from ${v.name}`, f))),
    ...verbs
      .filter((v) => v.values !== undefined)
      .map(
        (v) =>
          `complete -c ${name} -f -n ${_fishQuote(`__fish_seen_subcommand_from ${v.name}`)} -a ${_fishQuote(v.values?.join(' ') ?? '')}`,
      ),
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * The completion script of a command tree for one shell.
 * @example completionScript(program, 'bash') // '# service-standards completion for bash: ...'
 */
export function completionScript(program: Command, shell: CompletionShell): string {
  const name = program.name();
  const top = _flags(program);
  const verbs = _verbs(program);
  if (shell === 'bash') return _bash(name, top, verbs);
  if (shell === 'zsh') return _zsh(name, top, verbs);
  return _fish(name, top, verbs);
}

/**
 * Adds `completion <shell>` to a program: it prints the script for the program's commands as
 * they stand when it runs (commands added after this one included).
 * @example addCompletionCommand(program, io);
 */
export function addCompletionCommand(program: Command, io: CliIo): void {
  program
    .command('completion')
    .description('print a shell completion script (bash, zsh or fish)')
    .addArgument(program.createArgument('<shell>', 'bash, zsh or fish').choices(COMPLETION_SHELLS))
    .addHelpText(
      'after',
      `
Examples:
  $ eval "$(${program.name()} completion bash)"     # in ~/.bashrc
  $ eval "$(${program.name()} completion zsh)"      # in ~/.zshrc, after compinit
  $ ${program.name()} completion fish > ~/.config/fish/completions/${program.name()}.fish`,
    )
    .action(async (shell: CompletionShell) => {
      await writeText(io.stdout, completionScript(program, shell));
    });
}
