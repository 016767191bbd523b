import type { TAccountHooks } from '../accounts/index.ts';
import * as repo from './directory.review.repo.ts';

// The directory holds a little personal data: the words of people who claimed records. Accounts reach it
// only through these hooks, which app.ts passes to the account pages.

/** "Download my data" and account deletion for the directory's claims. */
export const directoryHooks: TAccountHooks = {
  exportPersonData: [
    async (db, personId) => ({
      directoryClaims: (await repo.claimsOfPerson(db, personId)).map((c) => ({
        record: c.slug,
        evidence: c.evidence,
        status: c.status,
        createdAt: c.created_at,
        decidedAt: c.decided_at,
      })),
    }),
  ],
  // Claims still waiting go; decided ones stay as the record of the decision, without the person's words.
  onDeletePerson: [async (db, personId) => repo.eraseClaimsOfPerson(db, personId)],
};
