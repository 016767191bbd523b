// Code lists of the indicator registry: units, panels, frequencies, origins, statuses, licences, and
// the period codes observations are filed under. Labels live in indicators.data.messages.ts.

/** Units an indicator is measured in. Money units carry their factor to yuan, so values read naturally. */
export const UNITS = {
  count: { kind: 'count', factor: 1 },
  percent: { kind: 'percent', factor: 1 },
  person_years: { kind: 'count', factor: 1 },
  cny: { kind: 'money', factor: 1 },
  cny_10k: { kind: 'money', factor: 1e4 },
  cny_100m: { kind: 'money', factor: 1e8 },
  cny_billion: { kind: 'money', factor: 1e9 },
} as const;
export type TUnit = keyof typeof UNITS;
export const UNIT_CODES = Object.keys(UNITS) as TUnit[];
export const isUnit = (v: unknown): v is TUnit => typeof v === 'string' && Object.hasOwn(UNITS, v);

/**
 * How statistical tables write units, and the unit each means. Counting words (个, 件, 项, 家) are all
 * counts; money in 元, 万元 (10,000), 亿元 (100 million).
 */
export const UNIT_ALIASES: Readonly<Record<string, TUnit>> = {
  个: 'count',
  件: 'count',
  项: 'count',
  家: 'count',
  所: 'count',
  人: 'count',
  篇: 'count',
  '%': 'percent',
  '％': 'percent',
  人年: 'person_years',
  元: 'cny',
  万元: 'cny_10k',
  亿元: 'cny_100m',
  十亿元: 'cny_billion',
  'billion CNY': 'cny_billion',
  ...Object.fromEntries(UNIT_CODES.map((u) => [u, u])),
};

/**
 * The one documented conversion: between money units, by their exact factors (万元 → 亿元 divides by
 * 10,000). Any other pair has no conversion, and a row in such a unit is refused.
 */
export const convertUnit = (value: number, from: TUnit, to: TUnit): number | undefined => {
  if (from === to) return value;
  const a = UNITS[from];
  const b = UNITS[to];
  if (a.kind !== 'money' || b.kind !== 'money') return undefined;
  // Scale through integers where possible so 12345 万元 gives 1.2345 亿元, not 1.2345000000000002.
  return a.factor >= b.factor ? value * (a.factor / b.factor) : value / (b.factor / a.factor);
};

/** The panels of the statistics home, in the order they are shown. */
export const PANELS = [
  'knowledge',
  'incubation',
  'firms',
  'capital',
  'tech_transfer',
  'events',
  'talent',
  'ip',
] as const;
export type TPanel = (typeof PANELS)[number];

export const FREQUENCIES = ['annual', 'half_yearly', 'quarterly', 'monthly', 'irregular'] as const;
export type TFrequency = (typeof FREQUENCIES)[number];

/** Computed from the registry, reported by organisations through forms, or imported official statistics. */
export const ORIGINS = ['computed', 'reported', 'imported'] as const;
export type TOrigin = (typeof ORIGINS)[number];

export const STATUSES = ['provisional', 'final'] as const;
export type TStatus = (typeof STATUSES)[number];

/**
 * What an as-of-date figure counts: a stock on that date, a flow over an unstated period, a running
 * total, a plan, an event's result or a yearly rate. Figures of a calendar period need none.
 */
export const BASES = ['stock', 'flow', 'to_date', 'cumulative', 'planned', 'event', 'per_year'] as const;
export type TBasis = (typeof BASES)[number];

/** Licences data may be published under, with the address DCAT and the pages link to. */
export const LICENSES = {
  'CC-BY-4.0': { url: 'https://creativecommons.org/licenses/by/4.0/', name: 'CC BY 4.0' },
  'CC0-1.0': { url: 'https://creativecommons.org/publicdomain/zero/1.0/', name: 'CC0 1.0' },
  MIT: { url: 'https://opensource.org/license/mit', name: 'MIT' },
} as const;
export type TLicense = keyof typeof LICENSES;
export const LICENSE_IDS = Object.keys(LICENSES) as TLicense[];

export const PERIOD_KINDS = ['year', 'half', 'quarter', 'month', 'date'] as const;
export type TPeriodKind = (typeof PERIOD_KINDS)[number];

export type TPeriod = Readonly<{ period: string; kind: TPeriodKind; start: string; end: string }>;

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const validYear = (y: number) => y >= 1900 && y <= 2100;

/**
 * A period code in its canonical form with its first and last day: `2017` (year), `2017-H1` (half),
 * `2017-Q3` (quarter), `2017-07` (month) or `2017-07-31` (a date, for as-of figures). Lower-case h/q and
 * surrounding spaces are accepted; anything else is undefined.
 */
export const parsePeriod = (raw: string): TPeriod | undefined => {
  const s = raw.trim().toUpperCase();
  let m = /^(\d{4})$/.exec(s);
  if (m) {
    const y = Number(m[1]);
    return validYear(y) ? { period: s, kind: 'year', start: `${y}-01-01`, end: `${y}-12-31` } : undefined;
  }
  m = /^(\d{4})-H([12])$/.exec(s);
  if (m) {
    const y = Number(m[1]);
    if (!validYear(y)) return undefined;
    return m[2] === '1'
      ? { period: s, kind: 'half', start: `${y}-01-01`, end: `${y}-06-30` }
      : { period: s, kind: 'half', start: `${y}-07-01`, end: `${y}-12-31` };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(s);
  if (m) {
    const y = Number(m[1]);
    const q = Number(m[2]);
    if (!validYear(y)) return undefined;
    const first = (q - 1) * 3 + 1;
    const last = first + 2;
    return {
      period: s,
      kind: 'quarter',
      start: `${y}-${pad(first)}-01`,
      end: `${y}-${pad(last)}-${pad(lastDay(y, last))}`,
    };
  }
  m = /^(\d{4})-(\d{2})$/.exec(s);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (!validYear(y) || mo < 1 || mo > 12) return undefined;
    return { period: s, kind: 'month', start: `${s}-01`, end: `${s}-${pad(lastDay(y, mo))}` };
  }
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    if (!validYear(y) || mo < 1 || mo > 12 || d < 1 || d > lastDay(y, mo)) return undefined;
    return { period: s, kind: 'date', start: s, end: s };
  }
  return undefined;
};

/** The same period one year earlier (2017-H1 → 2016-H1; 2017-07-31 → 2016-07-31; 29 Feb → 28 Feb). */
export const previousYearPeriod = (p: TPeriod): TPeriod | undefined => {
  const y = Number(p.period.slice(0, 4)) - 1;
  const rest = p.period.slice(4);
  if (p.kind === 'date' && rest === '-02-29') return parsePeriod(`${y}-02-28`);
  return parsePeriod(`${y}${rest}`);
};
