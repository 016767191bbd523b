import type { Generated, Kysely } from 'kysely';
import type { Db } from '../../platform/db/database.ts';

// The module's tables as the repos see them (migrations 0301 and 0315).

export type IndicatorTable = {
  id: Generated<number>;
  code: string;
  name_en: string;
  name_zh: string;
  definition_en: string | null;
  definition_zh: string | null;
  unit: string;
  frequency: string;
  panel: string | null;
  origin: string;
  source_name_en: string;
  source_name_zh: string;
  source_url: string | null;
  methodology_en: string | null;
  methodology_zh: string | null;
  comparability_en: string | null;
  comparability_zh: string | null;
  owner_en: string | null;
  owner_zh: string | null;
  license: string;
  default_geography: string | null;
  headline_rank: number | null;
  data_version: number;
  created_at: string;
  updated_at: string;
};

export type ObservationTable = {
  id: Generated<number>;
  indicator_id: number;
  geography: string;
  period: string;
  period_kind: string;
  period_start: string;
  period_end: string;
  as_of: string;
  basis: string | null;
  breakdown_dim: string;
  breakdown_value: string;
  value: number;
  qualifier: string | null;
  status: string;
  source_name_en: string | null;
  source_name_zh: string | null;
  source_url: string | null;
  note_en: string | null;
  note_zh: string | null;
  revision: number;
  recorded_by: number | null;
  recorded_via: string | null;
  recorded_reason: string | null;
  created_at: string;
  updated_at: string;
};

export type RevisionTable = {
  id: Generated<number>;
  observation_id: number;
  revision: number;
  value: number;
  qualifier: string | null;
  status: string;
  source_name_en: string | null;
  source_name_zh: string | null;
  source_url: string | null;
  note_en: string | null;
  note_zh: string | null;
  recorded_at: string;
  recorded_by: number | null;
  recorded_via: string | null;
  recorded_reason: string | null;
  superseded_at: string;
};

export type Tables = {
  indicator: IndicatorTable;
  indicator_observation: ObservationTable;
  indicator_observation_revision: RevisionTable;
};

export const q = (db: Db) => db as unknown as Kysely<Tables>;

/** The columns of an observation that carry its value: a change to any of them is a correction. */
export const VALUE_COLUMNS = [
  'as_of',
  'basis',
  'value',
  'qualifier',
  'status',
  'source_name_en',
  'source_name_zh',
  'source_url',
  'note_en',
  'note_zh',
] as const;
export type TObservationValues = { [K in (typeof VALUE_COLUMNS)[number]]: ObservationTable[K] };
