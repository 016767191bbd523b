import type { Generated } from 'kysely';
import type { OrgRow } from './directory.registry.content.ts';

// The directory's tables as its repos see them (migrations 0302, 0312, 0313 and 0314), declared once here
// (types only): each repo queries through `db as unknown as Kysely<DirectoryTables>`.

/** A registry record: the columns the write path computes (OrgRow) and the bookkeeping of claims and review. */
export type OrganizationTable = OrgRow & {
  merged_into: number | null;
  /** The accounts-side organisation managing the record (organizations_organization.id). */
  claimed_org_id: number | null;
  confirmed_by: number | null;
  verified_at: string | null;
  verified_by: number | null;
  reminded_at: string | null;
};

export type ExternalIdTable = { scheme: string; value: string; org_id: number };

export type RelationTable = {
  id: Generated<number>;
  from_id: number;
  to_id: number;
  type: string;
  since: string | null;
  source_kind: string;
  created_at: string;
};

export type PersonTable = {
  id: Generated<number>;
  slug: string;
  name_en: string;
  name_zh: string;
  headline_en: string | null;
  headline_zh: string | null;
  org_id: number | null;
  is_talent: number;
  talent_program: string | null;
  public_fields: string;
  is_listed: number;
  account_person_id: number | null;
  is_generated: number;
  created_at: string;
  updated_at: string;
};

export type DuplicateTable = {
  id: Generated<number>;
  a_id: number;
  b_id: number;
  reason: string;
  score: number;
  status: string;
  decided_by: number | null;
  decided_at: string | null;
  created_at: string;
};

/** An edit of verified fields waiting for staff (org_id is the directory record's id). */
export type ChangeTable = {
  id: Generated<number>;
  org_id: number;
  requested_by: number;
  changes_json: string;
  status: string;
  decided_by: number | null;
  decided_at: string | null;
  decision_note: string | null;
  created_at: string;
};

/** A claim of a record by an accounts-side organisation (org_id), waiting for staff. */
export type ClaimTable = {
  id: Generated<number>;
  record_id: number;
  org_id: number;
  requested_by: number;
  evidence: string | null;
  status: string;
  decided_by: number | null;
  decided_at: string | null;
  decision_note: string | null;
  created_at: string;
};

export type DirectoryTables = {
  directory_organization: OrganizationTable;
  directory_external_id: ExternalIdTable;
  directory_relation: RelationTable;
  directory_person: PersonTable;
  directory_term: { term: string };
  directory_counter: { name: string; value: number };
  directory_duplicate: DuplicateTable;
  directory_change: ChangeTable;
  directory_claim: ClaimTable;
};
