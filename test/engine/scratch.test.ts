import { describe, expect, it } from 'vitest';
import { arrayFor, ScratchList } from '../../src/engine/scratch.js';

describe('ScratchList', () => {
  it('takes the list as a new array of exactly its length, and is left empty', () => {
    const s = new ScratchList<string>();
    s.start().push('a');
    s.push('b');
    const first = s.take();
    expect(first).toEqual(['a', 'b']);
    expect(s.length).toBe(0);
    s.start().push('c');
    const second = s.take();
    expect(second).toEqual(['c']);
    // The first list is its own array, untouched by the buffer's next use.
    expect(first).toEqual(['a', 'b']);
    expect(second).not.toBe(first);
  });

  it('lets go of its items once taken or released, so that no case outlives its evaluation', () => {
    const s = new ScratchList<object>();
    s.start().push({});
    s.push({});
    s.take();
    expect(s.items.slice(0, 2)).toEqual([undefined, undefined]);
    s.start().push({});
    s.release();
    expect(s.items[0]).toBeUndefined();
  });

  it('starts afresh after a use that did not finish (an error mid-fact)', () => {
    const s = new ScratchList<number>();
    s.start().push(1);
    s.push(2);
    s.start().push(3);
    expect(s.take()).toEqual([3]);
    expect(s.items).toEqual([undefined, undefined]);
  });

  it('takes an empty list as a new empty array', () => {
    const s = new ScratchList<number>();
    const a = s.start().take();
    const b = s.start().take();
    expect(a).toEqual([]);
    expect(a).not.toBe(b);
  });
});

describe('arrayFor', () => {
  it('gives an array filled by index to exactly the items put in, small or large', () => {
    for (const n of [0, 3, 20_000]) {
      const a = arrayFor<number>(n);
      for (let i = 0; i < n; i++) a[i] = i;
      expect(a.length).toBe(n);
      expect(a.every((x, i) => x === i)).toBe(true);
      a.length = Math.floor(n / 2);
      expect(a.length).toBe(Math.floor(n / 2));
    }
  });
});
