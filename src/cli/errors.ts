/** Exit codes (`interface.md`): 2 usage, configuration or input errors; 1 findings or thresholds; 0 otherwise. */
export const EXIT = { ok: 0, findings: 1, input: 2 } as const;

/** A problem with how the command was called or configured: exit 2, no stack trace. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
