import { z } from 'zod';

/** Organisation kinds, as in the product brief. */
export const ORG_KINDS = [
  'university',
  'rnd_institute',
  'key_lab',
  'new_rnd_institution',
  'incubator',
  'makerspace',
  'enterprise',
  'investor',
  'agency',
  'service_provider',
] as const;
export type TOrgKind = (typeof ORG_KINDS)[number];

const text = (max: number) => z.string().trim().min(1).max(max);

export const ZOrganizationSeed = z.object({
  slug: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    .max(160),
  kind: z.enum(ORG_KINDS),
  name: z.object({ en: text(300), zh: text(300) }),
  summary: z.object({ en: text(2000), zh: text(2000) }),
  website: z.url({ protocol: /^https?$/ }).optional(),
  city: z.object({ en: text(80), zh: text(80) }).optional(),
  source: z.object({ en: text(500), zh: text(500) }),
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
