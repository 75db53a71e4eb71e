import { createHash } from 'node:crypto';
import type { Finding } from '../model/finding.js';
import { requireObject } from '../model/usage-error.js';

/**
 * A finding's fingerprint: the first 16 hex digits of the SHA-256 of its ref, status, evidence,
 * explanation and due date. The explanation states every date, count and target the verdict was
 * read from, so the fingerprint changes whenever what a reviewer saw changes; it is the same in
 * every report format and at every `--detail`, which carry those fields alike.
 *
 * @example
 * fingerprintFinding({ ref: '1.3.1', status: 'fail', evidence: ['e1'], explanation: '...', ... });
 * // '3f1c0a9e5b7d2468'
 */
export function fingerprintFinding(
  finding: Pick<Finding, 'ref' | 'status' | 'evidence' | 'explanation' | 'dueAt'>,
): string {
  requireObject('fingerprintFinding', finding, 'finding', 'fingerprintFinding(result.findings[0])');
  const content = JSON.stringify([
    finding.ref,
    finding.status,
    finding.evidence,
    finding.explanation,
    finding.dueAt ?? null,
  ]);
  return createHash('sha256').update(content, 'utf8').digest('hex').slice(0, 16);
}
