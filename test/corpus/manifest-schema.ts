import { z } from 'zod';

/**
 * One run of the command on the corpus: its arguments, what it is fed, and what it must do.
 * Paths are relative to the repository root; `{tmp}` stands for a fresh temporary folder.
 */
export const CorpusEntrySchema = z.strictObject({
  id: z.string().min(1),
  /** What it attacks, in a few words. */
  about: z.string().min(1),
  /** After the program name: the command and its arguments. */
  args: z.array(z.string()).min(1),
  /** Runs first, its standard output saved under `{tmp}` as `saveAs` (a shard for summarize, a baseline). */
  before: z
    .strictObject({
      args: z.array(z.string()).min(1),
      saveAs: z.string().min(1),
      bom: z.boolean().optional(),
    })
    .optional(),
  /** A corpus file fed to standard input. */
  stdin: z.string().optional(),
  exit: z.union([z.literal(0), z.literal(1), z.literal(2)]),
  /** Cases in the input: with `check --format json`, judged + rejected must come to this. */
  cases: z.number().int().nonnegative().optional(),
  /** What the messages (standard error, and the report's rejected problems) must name: the file, the field, the limit. */
  mentions: z.array(z.string()).default([]),
  /** The line or record the messages must name. */
  line: z.number().int().positive().optional(),
  /** A file the command writes its rejected cases to, under `{tmp}`: read as part of its messages. */
  problemsFile: z.string().optional(),
  /** Run the built command in a process of its own (worker threads are found beside the bundle). */
  spawn: z.boolean().optional(),
});
export type CorpusEntry = z.input<typeof CorpusEntrySchema>;

export const CorpusManifestSchema = z.strictObject({ entries: z.array(CorpusEntrySchema) });
export type CorpusManifest = z.infer<typeof CorpusManifestSchema>;
