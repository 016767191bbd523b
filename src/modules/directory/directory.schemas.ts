import { z } from 'zod';
import { zHttpUrl, zText } from '../../platform/schemas.ts';
import { ORG_KINDS, type TOrgKind } from '../organizations/index.ts';

// Directory builds on organisations: the kinds are theirs.
export { ORG_KINDS, type TOrgKind } from '../organizations/index.ts';

export const ZOrganizationSeed = z.object({
  slug: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    .max(160),
  kind: z.enum(ORG_KINDS),
  name: z.object({ en: zText(300), zh: zText(300) }),
  summary: z.object({ en: zText(2000), zh: zText(2000) }),
  website: zHttpUrl.optional(),
  city: z.object({ en: zText(80), zh: zText(80) }).optional(),
  source: z.object({ en: zText(500), zh: zText(500) }),
  isGenerated: z.boolean().default(false),
});
export type TOrganizationSeed = z.infer<typeof ZOrganizationSeed>;

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
