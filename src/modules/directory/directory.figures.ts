import type { TRegistryRule } from './directory.stats.repo.ts';

// The article's counts of Guangzhou's ecosystem, as rules over the registry: an active record of the kind,
// in Guangzhou, at the level the figure names, holding a certificate where it says "certified". The
// directory home shows them; the demo data is built so that they give the article's numbers (83, 44, 19,
// 280, 138, 2,995), and the computed indicators of the statistics pages count the same way.
export const GUANGZHOU_FIGURES: readonly { key: string; rule: TRegistryRule }[] = [
  { key: 'universities', rule: { kind: 'university', city: 'Guangzhou' } },
  { key: 'provincialInstitutes', rule: { kind: 'rnd_institute', level: 'provincial', city: 'Guangzhou' } },
  { key: 'nationalKeyLabs', rule: { kind: 'key_lab', level: 'national', city: 'Guangzhou' } },
  { key: 'incubators', rule: { kind: 'incubator', city: 'Guangzhou' } },
  { key: 'makerspaces', rule: { kind: 'makerspace', city: 'Guangzhou' } },
  {
    key: 'highTechEnterprises',
    rule: { kind: 'enterprise', level: 'provincial', certified: true, city: 'Guangzhou' },
  },
];
