/**
 * The statements file (`--statements FILE`, `housing-code-2024.md` section SA): what a person
 * states on the rows the log cannot evidence, or evidences only in part. Never invented: a row
 * without a statement says so.
 */
import { z } from 'zod';
import type { StatementsFile } from '../model/contract.js';
import type { InputIssue } from '../model/issues.js';
import type { ProvisionList } from './provisions.js';

export type { Comply, Statement, StatementsFile } from '../model/contract.js';

/** Yes or no, as the form asks. */
export const ComplySchema = z.enum(['yes', 'no']);

/** A person's statement on one provision. */
export const StatementSchema = z.strictObject({
  comply: ComplySchema.optional().describe(
    'what the form shows; the suggestion of the log is only beside it',
  ),
  evidence: z.string().optional().describe('shown after the evidence the log gives'),
  commentary: z.string().optional().describe('commentary or explanation, as the form asks'),
});

/**
 * The statements file: statements by provision number.
 *
 * @example
 * StatementsFileSchema.parse({ provisions: { '3.1': { comply: 'yes', evidence: 'Policy 4.2' } } });
 */
export const StatementsFileSchema = z.strictObject({
  $schema: z.string().optional(),
  provisions: z.record(z.string(), StatementSchema),
});

/**
 * The statements that name no provision of the list: each a configuration error, so that a typo
 * ("6.3 " or "6.30") never leaves a row silently unstated.
 *
 * @example
 * unknownProvisionIssues({ provisions: { '6.30': { comply: 'yes' } } }, list);
 * // [{ code: 'unknown_provision', path: ['provisions', '6.30'], message: '...' }]
 */
export function unknownProvisionIssues(statements: StatementsFile, list: ProvisionList): InputIssue[] {
  const known = new Set(list.provisions.map((p) => p.number));
  return Object.keys(statements.provisions)
    .filter((n) => !known.has(n))
    .map((n) => ({
      code: 'unknown_provision',
      path: ['provisions', n],
      message: `no provision "${n}" in the self-assessment of ${list.code}`,
    }));
}
