// pass@k estimators (pure). The unbiased estimator of Chen et al. (2021):
//   pass@k = 1 - C(n-c, k) / C(n, k)
// computed as a running product so it stays exact-ish for large n.

export function passAtK(n: number, c: number, k: number): number {
  if (!Number.isInteger(n) || !Number.isInteger(c) || !Number.isInteger(k) || n < 0 || c < 0 || k < 1)
    throw new Error(`passAtK: invalid arguments n=${n} c=${c} k=${k}`);
  if (c > n) throw new Error(`passAtK: c=${c} > n=${n}`);
  if (k > n) throw new Error(`passAtK: k=${k} > n=${n} samples`);
  if (n - c < k) return 1;
  let prod = 1;
  for (let i = n - c + 1; i <= n; i++) prod *= 1 - k / i;
  return 1 - prod;
}

/** "Any of n": 1 when at least one sample succeeded. */
export function anyOfN(c: number): number {
  return c > 0 ? 1 : 0;
}

export function mean(xs: number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
}
