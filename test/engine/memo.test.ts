import { describe, expect, it } from 'vitest';
import { memoize } from '../../src/engine/memo.js';

describe('memos', () => {
  it('memoize computes once per key and stays bounded', () => {
    let calls = 0;
    const f = memoize((k: string) => {
      calls++;
      return k.length;
    }, 2);
    expect([f('a'), f('bb'), f('a'), f('bb')]).toEqual([1, 2, 1, 2]);
    expect(calls).toBe(2);
    f('ccc'); // full: starts again
    f('a');
    expect(calls).toBe(4);
  });

  it('memoize remembers undefined results too', () => {
    let calls = 0;
    const f = memoize((_: string) => {
      calls++;
      return undefined;
    });
    f('x');
    f('x');
    expect(calls).toBe(1);
  });
});
