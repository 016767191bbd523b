import { defineMessages } from '../i18n/messages.ts';

const en = {
  'charts.trend.rose': 'Rose from {from} in {start} to {to} in {end}.',
  'charts.trend.fell': 'Fell from {from} in {start} to {to} in {end}.',
  'charts.trend.flat': 'Unchanged at {value} from {start} to {end}.',
  'charts.trend.peak': 'Highest: {value} in {label}.',
  'charts.trend.low': 'Lowest: {value} in {label}.',
  'charts.trend.single': '{label}: {value}.',
  'charts.trend.series': '{name}: {trend}',
  'charts.trend.empty': 'No data to show.',
  'charts.rank.position': '{label}: {value}, number {rank} of {count}.',
  'charts.rank.range': 'Highest: {top} ({topValue}); lowest: {bottom} ({bottomValue}).',
  'charts.table.caption': '{title}: the data',
  'charts.unavailable': 'The chart could not be drawn; the table has the same data.',
} as const;

type K = keyof typeof en;

const zh: Record<K, string> = {
  'charts.trend.rose': '由{start}的{from}升至{end}的{to}。',
  'charts.trend.fell': '由{start}的{from}降至{end}的{to}。',
  'charts.trend.flat': '{start}至{end}保持在{value}。',
  'charts.trend.peak': '最高为{label}的{value}。',
  'charts.trend.low': '最低为{label}的{value}。',
  'charts.trend.single': '{label}：{value}。',
  'charts.trend.series': '{name}：{trend}',
  'charts.trend.empty': '暂无数据。',
  'charts.rank.position': '{label}：{value}，在{count}个中排第{rank}位。',
  'charts.rank.range': '最高：{top}（{topValue}）；最低：{bottom}（{bottomValue}）。',
  'charts.table.caption': '{title}：数据表',
  'charts.unavailable': '图表未能绘制；下表包含相同数据。',
};

export const chartsMessages = defineMessages<K>(en, zh);
export const tc = chartsMessages.t;
