// What the demo needs from ROR records beyond the import's mapper (rorRecord, in the directory module):
// the parent links between records (schema v1 "Parent", v2 "parent"), and a source note naming the record.

type TRorLinks = { id?: unknown; relationships?: { type?: unknown; id?: unknown }[] };

/** ROR ids of a record's parents (the record is part of them), both schema versions. */
export const rorParents = (raw: unknown): string[] =>
  ((raw as TRorLinks).relationships ?? [])
    .filter(
      (x) => typeof x.type === 'string' && x.type.toLowerCase() === 'parent' && typeof x.id === 'string',
    )
    .map((x) => x.id as string);

/** The source note of a record taken from ROR. */
export const rorSource = (id: string, dumpDate: string) => ({
  en: `Research Organization Registry (ROR), record ${id}, data dump of ${dumpDate}; CC0`,
  zh: `科研机构注册库（ROR）记录 ${id}，${dumpDate}数据；CC0 许可`,
});
