import { describe, expect, it } from 'vitest';
import feeWords from '../../../core/reconcile/fee-words.json' with { type: 'json' };
import { feeTypeOfWording } from '../../../core/reconcile/fee-words.js';
import { FEE_TYPES } from '../../../vocabulary/index.js';

describe('fee wording', () => {
  it.each([
    ['Admin fee', undefined], ['Administration fee', undefined], ['Delisting fee', undefined], ['delisting', undefined], ['下架费', undefined],
    ['促销员违规罚款', 'penalty'], ['促销员迟到扣罚', 'penalty'], ['Late delivery penalty', 'penalty'], ['违约金', 'penalty'],
    ['DM费', 'dm'], ['dm海报费', 'dm'], ['DM 海报', 'dm'], ['New item listing fee', 'barcode'], ['Listing fee', 'barcode'],
    ['促销员管理费', 'promo_service'], ['促销服务费（10月）', 'promo_service'], ['节庆费（国庆）', 'festival'], ['新店DM费', 'dm'],
    ['系统维护费', undefined], ['服务管理费', undefined], ['其他扣款', undefined],
  ])('reads "%s" as %s, by whole words and the head of the phrase, never by a substring', (wording, type) => {
    expect(feeTypeOfWording(wording)).toBe(type);
  });

  it('names only fee types of the one list, and the fine is one of them', () => {
    const types = Object.keys(feeWords).filter((k) => k !== '$comment');
    expect(types.every((t) => (FEE_TYPES as readonly string[]).includes(t))).toBe(true);
    expect(types).toContain('penalty');
  });
});
