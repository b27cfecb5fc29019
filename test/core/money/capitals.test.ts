import { describe, expect, it } from 'vitest';
import { amountInCapitals } from '../../../core/money/capitals.js';

describe('amount in Chinese capitals (大写)', () => {
  it.each([
    [1_234_567, '壹万贰仟叁佰肆拾伍元陆角柒分'],
    [0, '零元整'],
    [10_000, '壹佰元整'],
    [100, '壹元整'],
    [1_000, '壹拾元整'],
    [150, '壹元伍角'],
    [105, '壹元零伍分'],
    [5, '伍分'],
    [56, '伍角陆分'],
    [1_000_500, '壹万零伍元整'],
    [10_000_500, '壹拾万零伍元整'],
    [10_500_000, '壹拾万零伍仟元整'],
    [10_700_053, '壹拾万零柒仟元伍角叁分'], // the People's Bank's own example, its second accepted form
    [10_050_000, '壹拾万零伍佰元整'],
    [100_000_000, '壹佰万元整'],
    [10_000_000_100, '壹亿零壹元整'],
    [20_003_000_000, '贰亿零叁万元整'],
    [100_000_000_000, '壹拾亿元整'],
    [168_032, '壹仟陆佰捌拾元叁角贰分'],
    [1_569_360, '壹万伍仟陆佰玖拾叁元陆角'],
    [-1_234_567, '负壹万贰仟叁佰肆拾伍元陆角柒分'],
    [1_010_101, '壹万零壹佰零壹元零壹分'],
  ])('%i fen → %s', (fen, text) => {
    expect(amountInCapitals(fen)).toBe(text);
  });

  it('refuses fractions of a fen', () => {
    expect(() => amountInCapitals(1.5)).toThrow(/integer/);
  });
});
