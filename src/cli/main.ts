import { CommanderError } from 'commander';
import { InvalidCaseError } from '../engine/evaluate-case.js';
import { ConfigError } from '../engine/prepare.js';
import { RulesetError } from '../engine/ruleset.js';
import { formatIssue } from '../model/issues.js';
import { ReadError } from '../readers/errors.js';
import { MappingError } from '../readers/load-mapping.js';
import { forTerminal } from './display.js';
import { EXIT, isBrokenPipe, UsageError } from './errors.js';
import { type CliIo, processIo, writeText } from './io.js';
import { buildProgram } from './program.js';
import { readVersions } from './versions.js';

/** Errors that are the user's to fix: printed as a message, never with a stack trace. */
const _expected = [UsageError, ConfigError, RulesetError, MappingError, ReadError, InvalidCaseError];

/**
 * Runs the command with these arguments and returns the exit code: 0 fine, 1 findings or
 * thresholds, 2 usage, configuration or input errors. Messages name the file, the line or
 * record and the field; no stack trace unless `--debug`.
 *
 * @example
 * process.exitCode = await main(process.argv);
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    return await buildProgram(io, readVersions().version).run(argv);
  } catch (e) {
    if (isBrokenPipe(e)) return EXIT.brokenPipe;
    if (e instanceof CommanderError) {
      // Help and --version exit 0; anything else commander rejects is a usage error.
      return e.exitCode === 0 ? EXIT.ok : EXIT.input;
    }
    if (_expected.some((t) => e instanceof t)) {
      const err = e as Error & { issues?: { path: (string | number)[]; message: string; code: string }[] };
      const head =
        err instanceof ConfigError
          ? 'invalid configuration:'
          : err instanceof RulesetError
            ? 'invalid ruleset:'
            : undefined;
      if (err.issues && head) {
        await writeText(
          io.stderr,
          `error: ${head}\n${err.issues.map((i) => `  ${formatIssue(i)}`).join('\n')}\n`,
        );
      } else {
        await writeText(io.stderr, `error: ${forTerminal(err.message)}\n`);
      }
      if (debug && err.stack) await writeText(io.stderr, `${err.stack}\n`);
      return EXIT.input;
    }
    const err = e as Error;
    await writeText(
      io.stderr,
      `error: ${err?.message ?? String(e)}\n${debug && err?.stack ? `${err.stack}\n` : '(run again with --debug for details)\n'}`,
    );
    return EXIT.input;
  }
}
