import { FREQUENCIES, LICENSE_IDS, ORIGINS, PANELS, STATUSES, UNIT_CODES } from './indicators.codes.ts';

// The open-data API's paths and schemas for the OpenAPI document (platform/http/openapi.ts).

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});
const bilingual = { type: 'object', properties: { en: { type: 'string' }, zh: { type: 'string' } } };
const bilingualOpt = {
  type: 'object',
  properties: { en: { type: ['string', 'null'] }, zh: { type: ['string', 'null'] } },
};
const source = {
  type: 'object',
  properties: { name: bilingual, url: { type: ['string', 'null'], format: 'uri' } },
};
const code = {
  name: 'code',
  in: 'path',
  required: true,
  description: 'The indicator code, e.g. rd_intensity',
  schema: { type: 'string', pattern: '^[a-z][a-z0-9_]*$', maxLength: 120 },
};
const period = (name: 'from' | 'to', description: string) => ({
  name,
  in: 'query',
  description: `${description} A period code: 2017, 2017-H1, 2017-Q3, 2017-07 or 2017-07-31.`,
  schema: { type: 'string', examples: ['2015'] },
});

export const indicatorsOpenApi = {
  paths: {
    '/indicators': {
      get: {
        summary: 'Every indicator with its metadata',
        operationId: 'listIndicators',
        tags: ['indicators'],
        parameters: [
          { name: 'panel', in: 'query', schema: { type: 'string', enum: [...PANELS] } },
          { name: 'origin', in: 'query', schema: { type: 'string', enum: [...ORIGINS] } },
        ],
        responses: {
          '200': {
            description: 'The indicators',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    data: { type: 'array', items: { $ref: '#/components/schemas/Indicator' } },
                    links: { type: 'object' },
                  },
                },
              },
            },
          },
          '400': errorResponse('A parameter has a value it cannot take'),
        },
      },
    },
    '/indicators/{code}': {
      get: {
        summary: 'One indicator with its metadata, geographies and breakdowns',
        operationId: 'getIndicator',
        tags: ['indicators'],
        parameters: [code],
        responses: {
          '200': {
            description: 'The indicator',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Indicator' } } },
          },
          '404': errorResponse('No indicator has this code'),
        },
      },
    },
    '/indicators/{code}/observations': {
      get: {
        summary: 'An indicator’s observations, as JSON pages or one CSV file',
        description:
          'JSON comes in pages (limit, then follow `next`); CSV (format=csv or Accept: text/csv) holds the whole selection, UTF-8 with a byte-order mark. Geographies: CN (China), CN-GD (a province, ISO 3166-2:CN), CN-GD-GZ (Guangzhou), CN-GD-GZ-TIANHE (a district); names such as 广东 or Guangdong are accepted too.',
        operationId: 'listObservations',
        tags: ['indicators'],
        parameters: [
          code,
          {
            name: 'geography',
            in: 'query',
            description: 'One or more geography codes, comma-separated or repeated',
            schema: { type: 'string', examples: ['CN-GD,CN-BJ'] },
          },
          period('from', 'Observations starting on or after the first day of this period.'),
          period('to', 'Observations ending on or before the last day of this period.'),
          {
            name: 'breakdown',
            in: 'query',
            description:
              'all (default), none (totals only), a dimension (type) or a dimension and value (type:invention)',
            schema: { type: 'string', examples: ['none', 'type:invention'] },
          },
          { name: 'status', in: 'query', schema: { type: 'string', enum: [...STATUSES] } },
          {
            name: 'limit',
            in: 'query',
            schema: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
          },
          {
            name: 'cursor',
            in: 'query',
            description: 'The `next` value of the previous page',
            schema: { type: 'string' },
          },
          { name: 'format', in: 'query', schema: { type: 'string', enum: ['json', 'csv'], default: 'json' } },
        ],
        responses: {
          '200': {
            description: 'A page of observations, or the CSV file',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    indicator: { type: 'string' },
                    unit: { type: 'string', enum: [...UNIT_CODES] },
                    data: { type: 'array', items: { $ref: '#/components/schemas/Observation' } },
                    next: { type: ['string', 'null'] },
                    links: { type: 'object' },
                  },
                },
              },
              'text/csv': { schema: { type: 'string' } },
            },
          },
          '400': errorResponse('A parameter has a value it cannot take'),
          '404': errorResponse('No indicator has this code'),
        },
      },
    },
    '/catalog.jsonld': {
      get: {
        summary: 'The DCAT catalogue of every dataset and distribution (JSON-LD)',
        operationId: 'getCatalog',
        tags: ['indicators'],
        responses: { '200': { description: 'A dcat:Catalog', content: { 'application/ld+json': {} } } },
      },
    },
  },
  schemas: {
    Indicator: {
      type: 'object',
      required: ['code', 'name', 'unit', 'frequency', 'origin', 'source', 'license'],
      properties: {
        code: { type: 'string' },
        name: bilingual,
        definition: bilingualOpt,
        unit: {
          type: 'object',
          properties: { code: { type: 'string', enum: [...UNIT_CODES] }, label: bilingual },
        },
        frequency: { type: 'string', enum: [...FREQUENCIES] },
        panel: { type: ['string', 'null'], enum: [...PANELS, null] },
        origin: { type: 'string', enum: [...ORIGINS] },
        source,
        methodology: bilingualOpt,
        comparability: bilingualOpt,
        owner: bilingualOpt,
        license: {
          type: 'object',
          properties: { id: { type: 'string', enum: [...LICENSE_IDS] }, url: { type: 'string' } },
        },
        defaultGeography: { type: ['string', 'null'] },
        coverage: {
          type: 'object',
          properties: {
            from: { type: ['string', 'null'], format: 'date' },
            to: { type: ['string', 'null'], format: 'date' },
            observations: { type: 'integer' },
            geographies: { type: 'integer' },
          },
        },
        modified: { type: 'string', format: 'date-time' },
        dataVersion: { type: 'integer' },
        links: { type: 'object' },
      },
    },
    Observation: {
      type: 'object',
      properties: {
        geography: { type: 'string' },
        geographyName: { type: ['object', 'null'] },
        period: { type: 'string' },
        periodKind: { type: 'string', enum: ['year', 'half', 'quarter', 'month', 'date'] },
        periodStart: { type: 'string', format: 'date' },
        periodEnd: { type: 'string', format: 'date' },
        asOf: { type: 'string', format: 'date' },
        basis: { type: ['string', 'null'] },
        breakdown: {
          type: ['object', 'null'],
          properties: { dimension: { type: 'string' }, value: { type: 'string' } },
        },
        value: { type: 'number' },
        qualifier: { type: ['string', 'null'], enum: ['more_than', null] },
        status: { type: 'string', enum: [...STATUSES] },
        source,
        note: bilingualOpt,
        revision: { type: 'integer' },
      },
    },
  },
} as const;
