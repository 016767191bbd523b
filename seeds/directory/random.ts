// A small seeded random generator (mulberry32), so the generated demo records are the same on every run
// and every machine. Each part of the generator draws from its own stream, named, so adding records of
// one kind never shifts the records of another.

export type TRandom = Readonly<{
  /** A number in [0, 1). */
  next: () => number;
  /** An integer in [min, max]. */
  int: (min: number, max: number) => number;
  pick: <T>(xs: readonly T[]) => T;
  /** A value drawn by weight. */
  weighted: <T>(pairs: readonly (readonly [T, number])[]) => T;
  /** n distinct items (or all of them when there are fewer). */
  sample: <T>(xs: readonly T[], n: number) => T[];
  chance: (p: number) => boolean;
}>;

const fnv1a = (s: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
};

/** A random stream named `name`: the same name always gives the same sequence. */
export const randomStream = (name: string): TRandom => {
  let a = fnv1a(name);
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const weighted = <T>(pairs: readonly (readonly [T, number])[]): T => {
    const total = pairs.reduce((s, [, w]) => s + w, 0);
    let x = next() * total;
    for (const [v, w] of pairs) {
      x -= w;
      if (x < 0) return v;
    }
    return (pairs[pairs.length - 1] as readonly [T, number])[0];
  };
  const sample = <T>(xs: readonly T[], n: number): T[] => {
    const copy = [...xs];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy.slice(0, n);
  };
  return { next, int, pick, weighted, sample, chance: (p) => next() < p };
};
