import { readFile, writeFile } from 'node:fs/promises';
import { type Document, isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import { type Review, ReviewFileSchema, ReviewSchema } from '../model/review.js';
import { UsageError } from './errors.js';

/** A review file as read: its entries, and the document to edit (comments kept). */
interface _ReviewDocument {
  doc: Document;
  reviews: Review[];
}

const _isJson = (file: string) => /\.json$/i.test(file);

async function _readText(file: string): Promise<string | undefined> {
  try {
    return (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new UsageError(`review file ${file}: cannot be read (${code ?? (e as Error).message})`);
  }
}

/** Parses a review file (YAML, or JSON, which YAML reads too); problems name the line and field. */
function _parse(file: string, text: string): _ReviewDocument {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const line = e?.linePos?.[0]?.line;
    throw new UsageError(
      `review file ${file}${line ? `:${line}` : ''}: ${e?.message.split('\n')[0] ?? 'cannot be parsed'}`,
    );
  }
  let value: unknown;
  try {
    // The yaml package refuses aliases that would expand past a bound (a "billion laughs").
    value = doc.toJS();
  } catch (e) {
    throw new UsageError(`review file ${file}: ${(e as Error).message}`);
  }
  const parsed = ReviewFileSchema.safeParse(value);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const node = doc.getIn(i.path as (string | number)[], true) as { range?: [number, number] } | undefined;
      const at = node?.range ? `:${lineCounter.linePos(node.range[0]).line}` : '';
      return `review file ${file}${at}: ${i.path.join('.') || '(file)'}: ${i.message}`;
    });
    throw new UsageError(lines.join('\n'));
  }
  return { doc, reviews: parsed.data.reviews };
}

/**
 * Reads the reviews of a review file (`--reviews FILE`, YAML or JSON).
 *
 * @example
 * const reviews = await loadReviews('reviews.yaml');
 */
export async function loadReviews(file: string): Promise<Review[]> {
  const text = await _readText(file);
  if (text === undefined) throw new UsageError(`review file ${file}: cannot be read (ENOENT)`);
  return _parse(file, text).reviews;
}

/**
 * Adds a review to a review file, creating it if need be, and replacing an earlier review of the
 * same finding (returned, so the command can say so). YAML comments are kept.
 */
export async function addReview(file: string, review: Review): Promise<Review | undefined> {
  const checked = ReviewSchema.parse(review);
  const text = await _readText(file);
  const { doc, reviews } =
    text === undefined ? { doc: parseDocument('reviews: []\n'), reviews: [] } : _parse(file, text);
  const seq = doc.get('reviews', true);
  if (!isSeq(seq)) throw new UsageError(`review file ${file}: "reviews" is not a list`);
  const at = reviews.findIndex((r) => r.caseId === checked.caseId && r.ref === checked.ref);
  const replaced = at >= 0 ? reviews[at] : undefined;
  const node = doc.createNode(checked);
  if (at >= 0) seq.items[at] = node;
  else seq.items.push(node);
  if (isMap(doc.contents) && seq.flow) seq.flow = false;
  const out = _isJson(file) ? `${JSON.stringify(doc.toJS(), null, 2)}\n` : doc.toString();
  try {
    await writeFile(file, out);
  } catch (e) {
    throw new UsageError(
      `review file ${file}: cannot be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    );
  }
  return replaced;
}
