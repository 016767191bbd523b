import type { Kysely } from 'kysely';

// Frozen once merged: change the schema with a new migration.
// The statistics home reads, for every indicator, its latest total at its default geography and the
// values around one year before (indicators.series.repo.ts: selectLatestTotals, selectAround). With only
// the key (indicator, geography, period, …) and (indicator, period end) indexes, both read every
// observation of an indicator and filter it: over a second a request at 100,000 observations. This
// index answers "the largest period end of the total at one geography" with one seek, and a range of
// period ends at one geography with one range scan. period_start last makes it cover the registry's
// coverage aggregate (first and last day, count, geographies) too: listing indicators with their
// coverage reads the index, not the table rows.
export const up = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .createIndex('indicator_observation_latest_idx')
    .on('indicator_observation')
    .columns(['indicator_id', 'geography', 'breakdown_dim', 'period_end', 'period_start'])
    .execute();
};
