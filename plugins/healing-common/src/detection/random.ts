/**
 * A source of uniform numbers in [0, 1); seeded so every run repeats.
 *
 * @public
 */
export type Random = () => number;

/**
 * Mulberry32: a 32-bit state generator, small and fast, good enough for
 * sub-sampling and split points; the same seed gives the same sequence in
 * Node and in the browser.
 *
 * @public
 */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * An integer in [0, n) drawn from `random`.
 *
 * @public
 */
export function randomInt(random: Random, n: number): number {
  return Math.floor(random() * n);
}
