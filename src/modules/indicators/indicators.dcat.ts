import { LICENSES, type TFrequency, type TPanel } from './indicators.codes.ts';
import { indicatorLinks } from './indicators.format.ts';
import { geographyOf } from './indicators.geography.ts';
import type { TIndicator } from './indicators.schemas.ts';

// The open-data catalogue in DCAT 2 / DCAT-AP 2 terms, serialised as JSON-LD: one dcat:Dataset per
// indicator, each with a CSV and a JSON distribution, and the API as a dcat:DataService.

const EU = 'http://publications.europa.eu/resource/authority';
const FREQUENCY: Record<TFrequency, string> = {
  annual: `${EU}/frequency/ANNUAL`,
  half_yearly: `${EU}/frequency/ANNUAL_2`,
  quarterly: `${EU}/frequency/QUARTERLY`,
  monthly: `${EU}/frequency/MONTHLY`,
  irregular: `${EU}/frequency/IRREG`,
};
// Every indicator is about science and technology; money and firms are also about the economy.
const THEMES = (panel: TPanel | null): string[] =>
  panel === 'capital' || panel === 'firms' || panel === 'tech_transfer'
    ? [`${EU}/data-theme/TECH`, `${EU}/data-theme/ECON`]
    : [`${EU}/data-theme/TECH`];
const PANEL_KEYWORDS: Record<TPanel, { en: string; zh: string }> = {
  knowledge: { en: 'research and development', zh: '研究与开发' },
  incubation: { en: 'incubators', zh: '孵化器' },
  firms: { en: 'high-tech enterprises', zh: '高新技术企业' },
  capital: { en: 'innovation finance', zh: '科技金融' },
  tech_transfer: { en: 'technology transfer', zh: '技术转移' },
  events: { en: 'innovation events', zh: '创新创业活动' },
  talent: { en: 'talent', zh: '人才' },
  ip: { en: 'patents', zh: '专利' },
};

export const CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;

const text = (en: string | null, zh: string | null) => [
  ...(en ? [{ '@value': en, '@language': 'en' }] : []),
  ...(zh ? [{ '@value': zh, '@language': 'zh-CN' }] : []),
];
const dateTime = (iso: string) => ({ '@value': iso, '@type': 'xsd:dateTime' });
const date = (day: string) => ({ '@value': day, '@type': 'xsd:date' });
const ref = (iri: string) => ({ '@id': iri });

export type TCatalogInput = Readonly<{
  publicUrl: string;
  publisher: Readonly<{ en: string; zh: string }>;
  indicators: readonly TIndicator[];
  /** The geographies each indicator's observations use, by code. */
  geographies: ReadonlyMap<string, readonly string[]>;
}>;

/** The DCAT catalogue of every indicator, as a JSON-LD document. */
export const buildCatalog = (input: TCatalogInput) => {
  const { publicUrl } = input;
  const catalogUrl = `${publicUrl}/api/v1/catalog.jsonld`;
  const publisher = {
    '@id': `${publicUrl}/#publisher`,
    '@type': 'foaf:Agent',
    'foaf:name': text(input.publisher.en, input.publisher.zh),
    'foaf:homepage': ref(`${publicUrl}/`),
  };
  const contactPoint = {
    '@type': 'vcard:Organization',
    'vcard:fn': input.publisher.en,
    'vcard:hasURL': ref(`${publicUrl}/en/contact`),
  };
  const service = {
    '@id': `${publicUrl}/api/v1`,
    '@type': 'dcat:DataService',
    'dct:title': text('Ecosphere open data API', 'Ecosphere 开放数据接口'),
    'dcat:endpointURL': ref(`${publicUrl}/api/v1`),
    'dcat:endpointDescription': ref(`${publicUrl}/api/v1/openapi.json`),
    'dct:publisher': ref(publisher['@id']),
  };
  const datasets = input.indicators.map((ind) => {
    const links = indicatorLinks(publicUrl, ind.code);
    const license = ref(LICENSES[ind.license].url);
    const modified = dateTime(ind.modifiedAt);
    const geos = input.geographies.get(ind.code) ?? [];
    const spatial = [
      ...(geos.some((g) => g === 'CN' || g.startsWith('CN-')) ? [ref(`${EU}/country/CHN`)] : []),
      ...geos.map((code) => {
        const g = geographyOf(code);
        return {
          '@type': 'dct:Location',
          'dct:identifier': code,
          'skos:prefLabel': text(g?.name.en ?? code, g?.name.zh ?? null),
        };
      }),
    ];
    const distribution = (kind: 'csv' | 'json') => ({
      '@id': `${links.api}#${kind}`,
      '@type': 'dcat:Distribution',
      'dct:title': text(`${ind.name.en} (${kind.toUpperCase()})`, `${ind.name.zh}（${kind.toUpperCase()}）`),
      'dcat:accessURL': ref(kind === 'csv' ? links.csv : links.observations),
      ...(kind === 'csv'
        ? { 'dcat:downloadURL': ref(links.csv) }
        : { 'dcat:accessService': ref(service['@id']) }),
      'dcat:mediaType': ref(
        kind === 'csv'
          ? 'https://www.iana.org/assignments/media-types/text/csv'
          : 'https://www.iana.org/assignments/media-types/application/json',
      ),
      'dct:format': ref(`${EU}/file-type/${kind === 'csv' ? 'CSV' : 'JSON'}`),
      'dct:license': license,
      'dct:modified': modified,
    });
    const keywords = [...(ind.panel ? [PANEL_KEYWORDS[ind.panel]] : []), { en: 'statistics', zh: '统计' }];
    return {
      '@id': links.api,
      '@type': 'dcat:Dataset',
      'dct:identifier': ind.code,
      'dct:title': text(ind.name.en, ind.name.zh),
      // A dataset always has a description: the definition, or the name when none was written.
      'dct:description': text(ind.definition.en ?? ind.name.en, ind.definition.zh ?? ind.name.zh),
      'dct:publisher': ref(publisher['@id']),
      'dct:creator': {
        '@type': 'foaf:Agent',
        'foaf:name': text(ind.source.name.en, ind.source.name.zh),
        ...(ind.source.url ? { 'foaf:homepage': ref(ind.source.url) } : {}),
      },
      'dct:issued': dateTime(ind.createdAt),
      'dct:modified': modified,
      'dct:license': license,
      'dct:accrualPeriodicity': ref(FREQUENCY[ind.frequency]),
      'dcat:keyword': keywords.flatMap((k) => text(k.en, k.zh)),
      'dcat:theme': THEMES(ind.panel).map(ref),
      'dct:temporal':
        ind.coverage.from && ind.coverage.to
          ? {
              '@type': 'dct:PeriodOfTime',
              'dcat:startDate': date(ind.coverage.from),
              'dcat:endDate': date(ind.coverage.to),
            }
          : [],
      'dct:spatial': spatial,
      'dcat:landingPage': [ref(links.page.en), ref(links.page.zh)],
      'dcat:contactPoint': contactPoint,
      'dcat:distribution': [distribution('csv'), distribution('json')],
    };
  });
  const modified = input.indicators.reduce<string | null>(
    (m, i) => (m === null || i.modifiedAt > m ? i.modifiedAt : m),
    null,
  );
  return {
    '@context': CONTEXT,
    '@id': catalogUrl,
    '@type': 'dcat:Catalog',
    'dct:title': text(`${input.publisher.en}: statistics`, `${input.publisher.zh}：统计数据`),
    'dct:description': text(
      'Indicators of the innovation ecosystem with their sources, periods and geographies, as CSV and JSON.',
      '创新生态各项指标及其来源、时期和地区，提供 CSV 和 JSON 格式。',
    ),
    'dct:publisher': publisher,
    'foaf:homepage': ref(`${publicUrl}/en/statistics`),
    'dct:language': [ref(`${EU}/language/ENG`), ref(`${EU}/language/ZHO`)],
    // The catalogue's own descriptions are free to reuse; each dataset carries its data licence.
    'dct:license': ref(LICENSES['CC0-1.0'].url),
    ...(modified ? { 'dct:modified': dateTime(modified) } : {}),
    'dcat:themeTaxonomy': ref(`${EU}/data-theme`),
    'dcat:service': [service],
    'dcat:dataset': datasets,
  };
};
