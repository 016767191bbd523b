// Extracts the small subset of the China S&T statistics that the demo ships, from the shared data folder
// (../shared/data/china-sti by default; --from <dir> for another copy). Run it only to refresh the subset;
// `npm start` and `npm test` read the committed output and never need the shared folder.
//
//   npx tsx seeds/build/china-sti.mts [--from ../shared/data/china-sti]
//
// Source: China Statistical Yearbook on Science and Technology, via huhuaping/techme (MIT), and the
// Torch Centre's published lists of recognised high-tech enterprises, via the same package.
//
// Writes seeds/demo/china-sti-subset.csv in the long format the statistics import reads
// (province, year, chn_block4, value, units, variables) plus a `table` column naming the source file.
// What it does to the rows, and nothing else:
// - keeps the years 2010–2023 and the variables listed in TABLES below: totals for every province and
//   全国, breakdowns (by activity, by patent type) for Guangdong and 全国 only, to keep the demo small;
// - keeps province names as the source writes them (some with stray spaces, e.g. "广   东": the import
//   normalises them), except three misprints of the source, fixed here and listed in MISPRINTS;
// - drops rows whose value is NA (the import would count them as missing anyway);
// - turns HitechFirmsPub.csv (index, year, province, num) into the same long format, with the variable
//   code HitechFirmsPub.num and the unit 家 (firms).
// Prints the row count per table for seeds/demo/README.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseCsv } from '../../src/platform/csv.ts';

const { values } = parseArgs({
  options: {
    from: {
      type: 'string',
      default: fileURLToPath(new URL('../../../shared/data/china-sti/', import.meta.url)),
    },
  },
});
const FROM = values.from as string;
const OUT = fileURLToPath(new URL('../demo/china-sti-subset.csv', import.meta.url));

/** The tables, the variables kept for every province, and those kept for Guangdong and 全国 only. */
const TABLES: Readonly<Record<string, { all: readonly string[]; guangdong?: readonly string[] }>> = {
  // R&D expenditure: the total, and by type of activity.
  RDActivity: {
    all: ['v4_zh_nbzc_hj'],
    guangdong: ['v4_zh_nbzc_jcyj', 'v4_zh_nbzc_yyyj', 'v4_zh_nbzc_syfz'],
  },
  // R&D intensity.
  RDIntense: { all: ['v4_ztr_qd_RD'] },
  // Patents granted: the total, and by type of patent.
  RDPatentAuthority: {
    all: ['v4_cg_zlsq2_hj'],
    guangdong: ['v4_cg_zlsq2_fm', 'v4_cg_zlsq2_syxx', 'v4_cg_zlsq2_wgsj'],
  },
  // Patent applications accepted: the total.
  RDPatentAccept: { all: ['v4_cg_zlsq_hj'] },
  // Technology-market contracts sold by the province: their value.
  MarketPush: { all: ['v4_cg_jssc_je'] },
};
const GUANGDONG = new Set(['广东', '全国']);

/** Misprints of province names in the source (OCR of the yearbook), each checked against the file. */
const MISPRINTS: Readonly<Record<string, string>> = {
  江两: '江西', // RDPatentAccept 2014: 江西 is missing that year
  山两: '山西', // RDPatentAuthority 2012: 山西 is missing that year
  两藏: '西藏', // RDPatentAuthority 2012: 西藏 is missing that year
};

const FIRST_YEAR = 2010;
const LAST_YEAR = 2023;

const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const out: string[] = ['province,year,chn_block4,value,units,variables,table'];
const counts: Record<string, number> = {};

const keepYear = (y: string) => Number(y) >= FIRST_YEAR && Number(y) <= LAST_YEAR;

for (const [table, variables] of Object.entries(TABLES)) {
  const [header = [], ...rows] = parseCsv(readFileSync(join(FROM, `${table}.csv`), 'utf8'));
  const at = (name: string) => header.indexOf(name);
  const [p, y, b, v, u, va] = ['province', 'year', 'chn_block4', 'value', 'units', 'variables'].map(at);
  let n = 0;
  for (const r of rows) {
    const variable = r[va as number] ?? '';
    const value = r[v as number] ?? '';
    const raw = r[p as number] ?? '';
    const province = MISPRINTS[raw.replace(/\s+/g, '')] ?? raw;
    const wanted =
      variables.all.includes(variable) ||
      (variables.guangdong?.includes(variable) === true && GUANGDONG.has(province.replace(/\s+/g, '')));
    if (!wanted || !keepYear(r[y as number] ?? '') || value === 'NA') continue;
    out.push(
      [province, r[y as number] ?? '', r[b as number] ?? '', value, r[u as number] ?? '', variable, table]
        .map(quote)
        .join(','),
    );
    n++;
  }
  counts[table] = n;
}

{
  const [header = [], ...rows] = parseCsv(readFileSync(join(FROM, 'HitechFirmsPub.csv'), 'utf8'));
  const [y, p, num] = ['year', 'province', 'num'].map((name) => header.indexOf(name));
  let n = 0;
  for (const r of rows) {
    if (!keepYear(r[y as number] ?? '') || (r[num as number] ?? 'NA') === 'NA') continue;
    out.push(
      [
        r[p as number] ?? '',
        r[y as number] ?? '',
        '高新技术企业数',
        r[num as number] ?? '',
        '家',
        'HitechFirmsPub.num',
        'HitechFirmsPub',
      ]
        .map(quote)
        .join(','),
    );
    n++;
  }
  counts.HitechFirmsPub = n;
}

writeFileSync(OUT, `${out.join('\n')}\n`);
for (const [table, n] of Object.entries(counts)) process.stdout.write(`${table.padEnd(18)} ${n} rows\n`);
process.stdout.write(`${'total'.padEnd(18)} ${out.length - 1} rows → ${OUT}\n`);
