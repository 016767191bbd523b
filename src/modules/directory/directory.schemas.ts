import type { TOrgKind } from '../organizations/index.ts';

// Directory builds on organisations: the kinds are theirs.
export { ORG_KINDS, type TOrgKind } from '../organizations/index.ts';

export type TOrganization = Readonly<{
  slug: string;
  kind: TOrgKind;
  name: { en: string; zh: string };
  summary: { en: string | null; zh: string | null };
  website: string | null;
  city: { en: string | null; zh: string | null };
  source: { en: string; zh: string };
  isGenerated: boolean;
  updatedAt: string;
}>;
