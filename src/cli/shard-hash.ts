/**
 * Which shard a case belongs to: 32-bit FNV-1a over the UTF-8 bytes of the case id, modulo the
 * number of shards. FNV-1a is tiny, published (Fowler, Noll, Vo) and has no seed, so the same id
 * lands in the same shard on every machine, in every version and in any language that
 * reimplements it (offset basis 2166136261, prime 16777619, arithmetic modulo 2^32).
 */

const _OFFSET_BASIS = 0x811c9dc5;
const _PRIME = 0x01000193;

/**
 * 32-bit FNV-1a of a string's UTF-8 bytes, as an unsigned integer.
 *
 * @example
 * fnv1a32('a'); // 0xe40c292c
 */
export function fnv1a32(text: string): number {
  let hash = _OFFSET_BASIS;
  for (const byte of Buffer.from(text, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, _PRIME);
  }
  return hash >>> 0;
}

/**
 * The shard (0-based, under `shards`) a case id belongs to.
 *
 * @example
 * shardOf('C-1', 8); // always the same shard of 8
 */
export function shardOf(caseId: string, shards: number): number {
  return fnv1a32(caseId) % shards;
}
