import { describe, expect, it } from 'vitest';
import { parseTiers, percentOfPpm } from '../../renderer/screens/hq/hq-format.js';

describe('the head office’s forms', () => {
  it('reads tiers as yuan:percent into fen and ppm, with integer arithmetic', () => {
    expect(parseTiers('0:1%, 1000000:2.5%；8000000.50:3.125%')).toEqual([
      { threshold: 0, rate: 10_000 }, { threshold: 100_000_000, rate: 25_000 }, { threshold: 800_000_050, rate: 31_250 },
    ]);
    expect(parseTiers('0:1')).toBeNull();
    expect(parseTiers('abc:1%')).toBeNull();
    expect(parseTiers('')).toBeNull();
  });

  it('prints ppm as a percent with two decimals', () => {
    expect([percentOfPpm(10_000), percentOfPpm(189_363), percentOfPpm(1_000_000), percentOfPpm(null)]).toEqual(['1.00%', '18.94%', '100.00%', '']);
  });
});
