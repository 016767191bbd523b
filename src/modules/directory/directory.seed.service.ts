import { z } from 'zod';
import type { TDeps } from '../../platform/deps.ts';
import { parseEach } from '../../platform/http/validate.ts';
import { zText } from '../../platform/schemas.ts';
import { ID_SCHEMES, RELATION_TYPES, SOURCE_KINDS } from './directory.codes.ts';
import { type TRegistryRecord, ZRegistryRecord } from './directory.record.ts';
import { upsertBatch } from './directory.registry.repo.ts';
import * as seedRepo from './directory.seed.repo.ts';

// Loads a data set (the demo) into the registry: records through the registry's one write path in
// batches that each commit whole, then the relations and people between them. Idempotent: records match
// by external id, relations by (from, to, type), people by slug, so a second run writes nothing.

/** An organisation named by one of its external ids, "scheme:value" (e.g. "ror:https://ror.org/0064kty71"). */
const zOrgRef = z
  .string()
  .max(260)
  .refine(
    (s) => (ID_SCHEMES as readonly string[]).includes(s.slice(0, s.indexOf(':'))),
    'expected scheme:value',
  );

export const ZSeedRelation = z
  .object({
    from: zOrgRef,
    to: zOrgRef,
    type: z.enum(RELATION_TYPES),
    since: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .nullish(),
    sourceKind: z.enum(SOURCE_KINDS),
  })
  .strict();
export type TSeedRelation = z.input<typeof ZSeedRelation>;

/** Fields a person may agree to show publicly; the name is public once they are listed. */
export const PERSON_PUBLIC_FIELDS = ['headline', 'organization', 'talent_program'] as const;

export const ZSeedPerson = z
  .object({
    slug: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
      .max(160),
    name: z.object({ en: zText(200), zh: zText(200) }),
    headline: z.object({ en: zText(300).nullish(), zh: zText(300).nullish() }).default({}),
    org: zOrgRef.nullish(),
    isTalent: z.boolean().default(false),
    talentProgram: zText(60).nullish(),
    publicFields: z.array(z.enum(PERSON_PUBLIC_FIELDS)).max(3).default([]),
    isListed: z.boolean().default(false),
    isGenerated: z.boolean().default(false),
  })
  .strict();
export type TSeedPerson = z.input<typeof ZSeedPerson>;

export type TSeedCounts = { inserted: number; updated: number; unchanged: number };
export type TRegistrySeedReport = Readonly<{
  organizations: TSeedCounts;
  relations: TSeedCounts;
  people: TSeedCounts;
}>;

const BATCH = 500;

/**
 * Loads records (validated first, all of them), then relations and people, whose organisation references
 * must name an external id of a record in the same load. `now` stamps every row written, so a loader
 * that passes a fixed date leaves identical rows on a second run.
 */
export const seedRegistry = async (
  deps: TDeps,
  input: { records: unknown[]; relations?: unknown[]; people?: unknown[]; now?: string },
): Promise<TRegistrySeedReport> => {
  const records: TRegistryRecord[] = parseEach(ZRegistryRecord, input.records, 'record');
  const relations = parseEach(ZSeedRelation, input.relations ?? [], 'relation');
  const people = parseEach(ZSeedPerson, input.people ?? [], 'person');
  const now = input.now ?? new Date().toISOString();

  const organizations: TSeedCounts = { inserted: 0, updated: 0, unchanged: 0 };
  const idOf = new Map<string, number>();
  for (let i = 0; i < records.length; i += BATCH) {
    const batch = records.slice(i, i + BATCH);
    const outcomes = await deps.db.transaction().execute((trx) => upsertBatch(trx, batch, { now }));
    outcomes.forEach((o, j) => {
      organizations[o.outcome]++;
      for (const e of batch[j]?.externalIds ?? []) idOf.set(`${e.scheme}:${e.value}`, o.id);
    });
  }
  const resolve = (ref: string, what: string): number => {
    const id = idOf.get(ref);
    if (id === undefined) throw new Error(`${what} names ${ref}, which no record of this load has`);
    return id;
  };
  const relationRows = relations.map((r, i) => ({
    fromId: resolve(r.from, `relation ${i + 1}`),
    toId: resolve(r.to, `relation ${i + 1}`),
    type: r.type,
    since: r.since ?? null,
    sourceKind: r.sourceKind,
  }));
  const personRows = people.map((p, i) => ({
    slug: p.slug,
    nameEn: p.name.en,
    nameZh: p.name.zh,
    headlineEn: p.headline.en ?? null,
    headlineZh: p.headline.zh ?? null,
    orgId: p.org ? resolve(p.org, `person ${i + 1}`) : null,
    isTalent: p.isTalent,
    talentProgram: p.talentProgram ?? null,
    publicFields: p.publicFields,
    isListed: p.isListed,
    isGenerated: p.isGenerated,
  }));
  const [relationCounts, peopleCounts] = await deps.db
    .transaction()
    .execute(async (trx) => [
      await seedRepo.upsertRelations(trx, relationRows, now),
      await seedRepo.upsertPeople(trx, personRows, now),
    ]);
  deps.pages.clear();
  return { organizations, relations: relationCounts, people: peopleCounts };
};
