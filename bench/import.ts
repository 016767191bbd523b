// `npm run bench:import [-- --ror <file>] [--rows 1000000] [--skip-ror] [--skip-csv] [--no-baseline]`
// Rows per second and peak memory of `ecosphere import` into a fresh SQLite file, for (a) the full ROR dump
// (skipped with a message when the file is absent) and (b) a generated, deterministic CSV of --rows rows
// (written to a temporary file first, not timed). Each import runs as the real CLI in its own process; the
// figures are the CLI's own (records read, checked and written per second, the index rebuild of a bulk
// load included, duplicate search apart) and the process's peak RSS (VmHWM). Each source is imported as
// the CLI does by default (a bulk load at these sizes, ADR 0012) and, as the baseline in the same run,
// row by row (`--no-bulk`) into another fresh file; the ratio compares the two. Last, the database's own
// floor for the CSV: the imported rows copied by SQL into a fresh migrated file (no JavaScript per row),
// then its indexes and full-text index built, as a bulk load ends — what SQLite's single writer costs per
// record before any reading, checking or tokenising. Prints figures; never passes or fails on time.
import { spawn } from 'node:child_process';
import {
  createWriteStream,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { ROOT } from './lib.ts';

const { values } = parseArgs({
  options: {
    ror: { type: 'string', default: resolve(ROOT, '../shared/data/ror/ror_records_latest.jsonl.gz') },
    rows: { type: 'string', default: '1000000' },
    'skip-ror': { type: 'boolean', default: false },
    'skip-csv': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    'no-baseline': { type: 'boolean', default: false },
  },
});
const ROWS = Number(values.rows);
const BIN = join(ROOT, 'bin/ecosphere.mjs');

/** Peak resident memory of a live process, in MB (the kernel's high-water mark). */
const peakMb = (pid: number): number => {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
};

/** CPU seconds (user + system) a live process has used so far; clock ticks are 1/100 s on Linux. */
const cpuSeconds = (pid: number): number => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
};

type TResult = {
  label: string;
  rows: number;
  seconds: number;
  rate: number;
  dupSeconds: number;
  peak: number;
  wall: number;
  cpu: number;
};

/** Runs one import as the CLI does, sampling its peak RSS until it exits; parses its summary. */
const runImport = (label: string, args: string[], dir: string, db = 'bench.sqlite'): Promise<TResult> =>
  new Promise((done, fail) => {
    const started = Date.now();
    const child = spawn(process.execPath, [BIN, 'import', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: join(dir, db), DATA_DIR: dir, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    let peak = 0;
    let cpu = 0;
    child.stdout.on('data', (d) => {
      out += d;
    });
    const timer = setInterval(() => {
      if (child.pid) {
        peak = Math.max(peak, peakMb(child.pid));
        cpu = Math.max(cpu, cpuSeconds(child.pid));
      }
    }, 50);
    child.on('exit', (code) => {
      clearInterval(timer);
      if (code !== 0) return fail(new Error(`${label}: exit ${code}\n${out}`));
      const read = /read\s+([\d,]+) records in ([\d.]+) s \(([\d,]+) rows\/s\)/.exec(out);
      const dup = /duplicates .*\(([\d.]+) s\)/.exec(out);
      if (!read) return fail(new Error(`${label}: no summary\n${out}`));
      done({
        label,
        rows: Number(read[1]?.replaceAll(',', '')),
        seconds: Number(read[2]),
        rate: Number(read[3]?.replaceAll(',', '')),
        dupSeconds: Number(dup?.[1] ?? 0),
        peak,
        wall: (Date.now() - started) / 1000,
        cpu,
      });
      process.stdout.write(out.replace(/^progress.*\n/gm, ''));
    });
  });

// A deterministic pseudo-random sequence (mulberry32), so every run imports the same file.
const rng = (seed: number) => () => {
  seed |= 0;
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const PLACES = [
  ['广州', 'Guangzhou'],
  ['深圳', 'Shenzhen'],
  ['佛山', 'Foshan'],
  ['东莞', 'Dongguan'],
  ['珠海', 'Zhuhai'],
  ['中山', 'Zhongshan'],
  ['惠州', 'Huizhou'],
  ['南沙', 'Nansha'],
  ['黄埔', 'Huangpu'],
  ['天河', 'Tianhe'],
] as const;
const FIELDS = [
  ['智能', 'Intelligent'],
  ['生物', 'Bio'],
  ['医药', 'Pharma'],
  ['新材料', 'New Materials'],
  ['信息', 'Information'],
  ['新能源', 'New Energy'],
  ['汽车', 'Automotive'],
  ['海洋', 'Marine'],
  ['芯片', 'Chip'],
  ['机器人', 'Robotics'],
  ['环保', 'Environmental'],
  ['数字', 'Digital'],
  ['光电', 'Optoelectronics'],
  ['软件', 'Software'],
  ['检测', 'Testing'],
  ['装备', 'Equipment'],
] as const;
const KINDS = [
  ['科技有限公司', 'Technology Co., Ltd.', 'enterprise', 70],
  ['研究院', 'Research Institute', 'rnd_institute', 8],
  ['重点实验室', 'Key Laboratory', 'key_lab', 4],
  ['孵化器', 'Incubator', 'incubator', 6],
  ['众创空间', 'Makerspace', 'makerspace', 5],
  ['创业投资有限公司', 'Venture Capital Co., Ltd.', 'investor', 4],
  ['技术服务中心', 'Technology Service Centre', 'service_provider', 3],
] as const;
const DISTRICTS = [
  '天河区',
  '黄埔区',
  '海珠区',
  '番禺区',
  '南沙区',
  '白云区',
  '越秀区',
  '荔湾区',
  '花都区',
  '增城区',
  '从化区',
];
// Brand syllables: two of them make a name (广州云帆智能科技有限公司); the row number keeps it unique.
const SYL = '云帆瑞达华信博创恒远天成嘉禾锐思金域明德光启鼎新卓越众合汇智宏图星辰海纳启明'.split('');
const SYL_EN = [
  'Yun',
  'Fan',
  'Rui',
  'Da',
  'Hua',
  'Xin',
  'Bo',
  'Chuang',
  'Heng',
  'Yuan',
  'Tian',
  'Cheng',
  'Jia',
  'He',
  'Rui',
  'Si',
  'Jin',
  'Yu',
  'Ming',
  'De',
  'Guang',
  'Qi',
  'Ding',
  'Xin',
  'Zhuo',
  'Yue',
  'Zhong',
  'He',
  'Hui',
  'Zhi',
  'Hong',
  'Tu',
  'Xing',
  'Chen',
  'Hai',
  'Na',
  'Qi',
  'Ming',
];

/** Writes the benchmark CSV (header + rows) and its mapping; returns their paths. */
const generateCsv = async (dir: string, rows: number): Promise<{ csv: string; mapping: string }> => {
  const csv = join(dir, `orgs-${rows}.csv`);
  const mapping = join(dir, 'orgs.mapping.json');
  writeFileSync(
    mapping,
    JSON.stringify({
      columns: {
        'externalIds.csv': 'id',
        'name.zh': 'name_zh',
        'name.en': 'name_en',
        kind: 'kind',
        district: 'district',
        website: 'website',
        foundedYear: 'founded',
        'summary.zh': 'summary_zh',
      },
      constants: {
        'source.en': 'Generated benchmark data (not real organisations)',
        'source.zh': '基准测试生成数据（非真实机构）',
        'city.en': 'Guangzhou',
        'city.zh': '广州',
        countryCode: 'CN',
      },
    }),
  );
  const next = rng(20261126);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const kindTotal = KINDS.reduce((a, k) => a + k[3], 0);
  const pickKind = () => {
    let r = next() * kindTotal;
    for (const k of KINDS) {
      r -= k[3];
      if (r < 0) return k;
    }
    return KINDS[0];
  };
  const out = createWriteStream(csv);
  const write = (s: string) =>
    out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r()));
  await write('id,name_zh,name_en,kind,district,website,founded,summary_zh\n');
  let buf = '';
  for (let i = 1; i <= rows; i++) {
    const [pz, pe] = pick(PLACES);
    const [fz, fe] = pick(FIELDS);
    const [kz, ke, kind] = pickKind();
    const a = Math.floor(next() * SYL.length);
    const b = Math.floor(next() * SYL.length);
    const brandZh = `${SYL[a]}${SYL[b]}`;
    const brandEn = `${SYL_EN[a]}${(SYL_EN[b] as string).toLowerCase()}`;
    const n = i.toString(36);
    const nameZh = `${pz}${brandZh}${fz}${kz}（${n}）`;
    const nameEn = `${pe} ${brandEn} ${fe} ${ke} (${n})`;
    const site = next() < 0.6 ? `https://www.${brandEn.toLowerCase()}${n}.com.cn` : '';
    const summary = `${pz}${fz}领域的${kz.replace(/有限公司$/, '企业')}，从事${pick(FIELDS)[0]}与${fz}技术研发、成果转化和产业化。`;
    buf += `G${String(i).padStart(8, '0')},${nameZh},"${nameEn}",${kind},${pick(DISTRICTS)},${site},${1980 + Math.floor(next() * 45)},${summary}\n`;
    if (i % 5000 === 0) {
      await write(buf);
      buf = '';
    }
  }
  await write(buf);
  await new Promise<void>((r) => out.end(() => r()));
  return { csv, mapping };
};

/** Runs `ecosphere migrate` on a new SQLite file (a fresh schema, as an import would start from). */
const migrateFresh = (file: string, dir: string): Promise<void> =>
  new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, 'migrate'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: file, DATA_DIR: dir, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`migrate: exit ${code}`))));
  });

type TFloor = { records: number; steps: { label: string; seconds: number }[] };

/** The engine's cost of a bulk load of the rows in `source`, into a fresh migrated file in `dir`. */
const engineFloor = async (source: string, dir: string): Promise<TFloor> => {
  const target = join(dir, 'floor.sqlite');
  await migrateFresh(target, dir);
  const db = new SQLite(target);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('cache_size = -32768');
    db.exec(`attach database '${source.replaceAll("'", "''")}' as src`);
    const defs = db
      .prepare(
        `select type, name, sql from sqlite_master where tbl_name = 'directory_organization' and sql is not null
         and (type = 'index' or name like 'directory_organization_fts_%')`,
      )
      .all() as { type: string; name: string; sql: string }[];
    for (const d of defs) db.exec(`drop ${d.type} ${d.name}`);
    const records = (
      db.prepare('select count(*) as n from src.directory_organization').get() as { n: number }
    ).n;
    const steps: TFloor['steps'] = [];
    const step = (label: string, sqlText: string) => {
      const t = performance.now();
      db.transaction(() => db.exec(sqlText))();
      steps.push({ label, seconds: (performance.now() - t) / 1000 });
    };
    step('rows', 'insert into main.directory_organization select * from src.directory_organization');
    step('external ids', 'insert into main.directory_external_id select * from src.directory_external_id');
    step(
      'indexes',
      defs
        .filter((d) => d.type === 'index')
        .map((d) => `${d.sql};`)
        .join('\n'),
    );
    step(
      'full-text',
      "insert into directory_organization_fts(directory_organization_fts) values ('rebuild')",
    );
    return { records, steps };
  } finally {
    db.close();
  }
};

let floor: TFloor | undefined;
const results: TResult[] = [];
/** The default import, then (unless --no-baseline) the row-by-row baseline on a fresh database. */
const both = async (label: string, args: string[], dir: string) => {
  results.push(await runImport(label, args, dir));
  if (!values['no-baseline'])
    results.push(await runImport(`${label} row by row`, [...args, '--no-bulk'], dir, 'baseline.sqlite'));
};
const dirs: string[] = [];
const fresh = () => {
  const d = mkdtempSync(join(tmpdir(), 'ecosphere-bench-import-'));
  dirs.push(d);
  return d;
};
try {
  if (!values['skip-ror']) {
    const ror = values.ror as string;
    if (!existsSync(ror)) console.log(`ROR: ${ror} is absent; skipped (pass --ror <file>)`);
    else {
      console.log(
        `ROR: importing ${ror} (${(statSync(ror).size / 1e6).toFixed(1)} MB) into a fresh SQLite file…`,
      );
      await both('ROR dump (JSONL.gz)', ['ror', ror], fresh());
    }
  }
  if (!values['skip-csv']) {
    const dir = fresh();
    const t = Date.now();
    const { csv, mapping } = await generateCsv(dir, ROWS);
    console.log(
      `CSV: generated ${ROWS.toLocaleString('en-US')} rows (${(statSync(csv).size / 1e6).toFixed(0)} MB) in ${((Date.now() - t) / 1000).toFixed(1)} s (not timed); importing…`,
    );
    await both('generated CSV', ['csv', csv, '--mapping', mapping], dir);
    console.log('CSV: the database floor (rows copied by SQL, then indexed)…');
    floor = await engineFloor(join(dir, 'bench.sqlite'), dir);
  }
} finally {
  if (!values.keep) for (const d of dirs) rmSync(d, { recursive: true, force: true });
}

console.log(
  '\nsource                          records   import s    rows/s   duplicates s   wall s    CPU s   rows/CPU-s   peak RSS MB',
);
for (const r of results) {
  console.log(
    `${r.label.padEnd(29)} ${r.rows.toLocaleString('en-US').padStart(10)} ${r.seconds.toFixed(1).padStart(10)} ${r.rate.toLocaleString('en-US').padStart(9)} ${r.dupSeconds.toFixed(1).padStart(14)} ${r.wall.toFixed(1).padStart(8)} ${r.cpu.toFixed(1).padStart(8)} ${Math.round(
      r.rows / Math.max(r.cpu, 0.01),
    )
      .toLocaleString('en-US')
      .padStart(12)} ${r.peak.toFixed(0).padStart(13)}`,
  );
}
for (const r of results) {
  const base = results.find((b) => b.label === `${r.label} row by row`);
  if (base)
    console.log(
      `${r.label}: ${(r.rate / base.rate).toFixed(2)}× the row-by-row rows/s, ${(base.cpu / r.cpu).toFixed(2)}× less CPU`,
    );
}
if (floor) {
  const total = floor.steps.reduce((a, x) => a + x.seconds, 0);
  const us = (seconds: number) => ((seconds * 1e6) / Math.max(1, floor?.records ?? 1)).toFixed(1);
  console.log(
    `SQLite's floor for the CSV's ${floor.records.toLocaleString('en-US')} records, one writer: ${floor.steps
      .map((x) => `${x.label} ${us(x.seconds)}`)
      .join(', ')} µs/record; ${us(total)} µs/record in all = ${Math.round(
      floor.records / Math.max(total, 1e-6),
    ).toLocaleString('en-US')} records/s before any reading, checking or tokenising`,
  );
}
// A shared machine stretches wall time; CPU seconds (the whole process: start-up, file hash, import and
// duplicate search) say what the work costs.
console.log('target (issue #5): ≥ 50,000 rows/s into SQLite with peak RSS ≤ 500 MB');
