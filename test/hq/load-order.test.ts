import { describe, expect, it } from 'vitest';
import { interleaveByFolder } from '../../hq/core/load-package.js';

describe('interleaveByFolder', () => {
  it('takes one file from each folder in turn, each folder in its own order, every file once', () => {
    const files = ['m1/a', 'm1/b', 'm1/c', 'm2/a', 'm3/a', 'm3/b'];
    const order = interleaveByFolder(files);
    expect(order.map((i) => files[i])).toEqual(['m1/a', 'm2/a', 'm3/a', 'm1/b', 'm3/b', 'm1/c']);
  });

  it('keeps files of one folder in the order given', () => {
    expect(interleaveByFolder(['p/3', 'p/1', 'p/2'])).toEqual([0, 1, 2]);
    expect(interleaveByFolder([])).toEqual([]);
  });
});
