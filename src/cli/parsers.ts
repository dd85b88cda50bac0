// Option value parsers: a bad value is rejected by commander naming the flag
// ("option '--wall-ms <ms>' argument 'abc' is invalid"), before any internal field sees it.
import { InvalidArgumentError } from "commander";

export function integer(min: number, max = Number.MAX_SAFE_INTEGER): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (value.trim() === "" || !Number.isInteger(n) || n < min || n > max)
      throw new InvalidArgumentError(
        max === Number.MAX_SAFE_INTEGER
          ? `expected an integer >= ${min}`
          : `expected an integer in ${min}..${max}`,
      );
    return n;
  };
}

export function number(min: number, max = Infinity): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (value.trim() === "" || !Number.isFinite(n) || n < min || n > max)
      throw new InvalidArgumentError(
        max === Infinity ? `expected a number >= ${min}` : `expected a number in [${min}, ${max}]`,
      );
    return n;
  };
}
