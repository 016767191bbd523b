import { describe, expect, it } from 'vitest';
import { bigramSet, dice, nameKey, nameKeyZh, onlySpellingDiffers, sameNumbers } from './name-key.ts';

describe('name keys', () => {
  it('make word order, case, accents, stop words and punctuation not matter', () => {
    expect(nameKey('The University of Oxford')).toBe(nameKey('Oxford University'));
    expect(nameKey('Université de Montréal')).toBe('montreal universite');
    expect(nameKey('Guangzhou Metro Design & Research Institute')).toBe(
      nameKey('Guangzhou Metro Design and Research Institute'),
    );
    expect(nameKey('中山大学')).toBeNull();
  });

  it('fold full-width brackets and spaces in Chinese names', () => {
    expect(nameKeyZh('华北电力大学（北京）')).toBe(nameKeyZh('华北电力大学(北京)'));
    expect(nameKeyZh('南方海洋科学与工程广东省实验室 (广州)')).toBe('南方海洋科学与工程广东省实验室广州');
    expect(nameKeyZh('Sun Yat-sen University')).toBeNull();
  });

  it('score near-equal keys high and different ones low', () => {
    const a = bigramSet(nameKey('Guangzhou Institutes of Biomedicine and Health') as string);
    const b = bigramSet(nameKey('Guangzhou Institute of Biomedicine and Health') as string);
    expect(dice(a, b)).toBeGreaterThan(0.9);
    expect(dice(bigramSet('北京大学'), bigramSet('南京大学'))).toBeLessThan(0.85);
  });

  it('tell a spelling difference from a word swapped for another', () => {
    expect(onlySpellingDiffers('institute guangzhou', 'institutes guangzhou')).toBe(true);
    expect(onlySpellingDiffers('china motors xiaopeng', 'motors xiaopeng')).toBe(true);
    expect(
      onlySpellingDiffers(
        nameKey('Guangzhou Liwan District Traditional Chinese Medicine Hospital') as string,
        nameKey('Guangzhou Zengcheng District Traditional Chinese Medicine Hospital') as string,
      ),
    ).toBe(false);
  });

  it('see different numbers as different names', () => {
    expect(sameNumbers('托管企业1', '托管企业10')).toBe(false);
    expect(sameNumbers('广州市第一人民医院', '广州市第二人民医院')).toBe(false);
    expect(sameNumbers('campus 2 institute', 'campus 2 institutes')).toBe(true);
  });
});
