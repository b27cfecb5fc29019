import { describe, expect, it } from 'vitest';
import { strayLatinWords } from './latin-words.js';

describe('the check for English in a Chinese screen', () => {
  it('passes codes, document numbers, SKUs, units and proper names, and catches English words', () => {
    expect(strayLatinWords('RTM 大润发 送货单 XS2609201 门店 A021 商品 P001 12 kg 导出 Excel SHA-256 4b8b65 YYYY-MM-DD 合同 HT-RTM-2025')).toEqual([]);
    expect(strayLatinWords('No Rows To Show 草稿 DRAFT — not prepared')).toEqual(['No', 'Rows', 'To', 'Show', 'not', 'prepared']);
    expect(strayLatinWords('direct whole to_ka os:root')).toEqual(['direct', 'whole', 'to_ka', 'os:root']);
  });
});
