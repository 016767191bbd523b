import { defineMessages } from '../../platform/i18n/messages.ts';

const en = {
  'indicators.home.title': 'Headline figures',
  'indicators.home.more': 'All figures on the statistics page',
  'indicators.cited.title': 'Figures cited',
  'indicators.col.indicator': 'Indicator',
  'indicators.col.value': 'Value',
  'indicators.col.period': 'Period',
  'indicators.col.asOf': 'As of',
  'indicators.col.note': 'Note',
  'indicators.asOf': 'As of {date}',
  'indicators.source': 'Source: {source}',
  'indicators.moreThan': 'more than {value}',
  'indicators.period.stock': 'Total',
  'indicators.period.flow': 'New in period',
  'indicators.period.toDate': 'Cumulative to date',
  'indicators.period.cumulative': 'Cumulative',
  'indicators.period.planned': 'Planned',
  'indicators.period.event': 'At the event',
  'indicators.period.perYear': 'Per year',
  'indicators.period.year': 'Year {year}',
  'indicators.period.half1': 'First half of {year}',
  'indicators.period.half2': 'Second half of {year}',
  'indicators.notBuilt':
    'Charts, downloads (CSV, JSON), year-on-year comparisons and provincial statistics arrive with the indicators module. The table below lists every figure loaded so far.',
} as const;

type K = keyof typeof en;

const zh: Record<K, string> = {
  'indicators.home.title': '核心数据',
  'indicators.home.more': '在统计数据页查看全部数据',
  'indicators.cited.title': '文中引用的数据',
  'indicators.col.indicator': '指标',
  'indicators.col.value': '数值',
  'indicators.col.period': '统计口径',
  'indicators.col.asOf': '截至',
  'indicators.col.note': '说明',
  'indicators.asOf': '截至{date}',
  'indicators.source': '来源：{source}',
  'indicators.moreThan': '超过{value}',
  'indicators.period.stock': '总量',
  'indicators.period.flow': '期内新增',
  'indicators.period.toDate': '截至目前累计',
  'indicators.period.cumulative': '累计',
  'indicators.period.planned': '计划',
  'indicators.period.event': '活动期间',
  'indicators.period.perYear': '每年',
  'indicators.period.year': '{year}年',
  'indicators.period.half1': '{year}年上半年',
  'indicators.period.half2': '{year}年下半年',
  'indicators.notBuilt':
    '图表、数据下载（CSV、JSON）、同比比较和各省统计数据将随指标模块上线。下表列出目前已载入的全部数据。',
};

export const indicatorsMessages = defineMessages<K>(en, zh);
export const t = indicatorsMessages.t;
