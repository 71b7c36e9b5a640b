import { z } from "zod";
import { parseNumber } from "@/lib/format";
import type { MonteCarloMethod, MonteCarloRequest } from "../api/types";

/**
 * The Monte Carlo form of a run: how to resample (reorder the trades, draw them with replacement, or
 * draw blocks of bar returns), how many paths, a seed to repeat an analysis (blank: the server picks
 * one and returns it), the block length of the block bootstrap (blank: the server's default) and the
 * equity that counts as ruin (the form starts at half the run's capital, the server's default too).
 * The limits mirror the API's: 1 to 100,000 paths.
 */

export const MONTE_CARLO_METHODS = ["shuffle", "bootstrap", "block_bootstrap"] as const satisfies readonly MonteCarloMethod[];
export const MAX_PATHS = 100_000;
export const DEFAULT_PATHS = 1_000;
/** A block can be at most this long; the server answers any other limit as a field error. */
export const MAX_BLOCK_LENGTH = 10_000;

export interface MonteCarloFormValues {
  method: MonteCarloMethod;
  paths: string;
  seed: string;
  block_length: string;
  ruin_equity: string;
}

export function defaultMonteCarloValues(initialCapital: number | null | undefined): MonteCarloFormValues {
  const half = initialCapital != null && Number.isFinite(initialCapital) && initialCapital > 0 ? initialCapital / 2 : null;
  return { method: "shuffle", paths: String(DEFAULT_PATHS), seed: "", block_length: "", ruin_equity: half === null ? "" : String(half) };
}

const isWhole = (value: number | null) => value !== null && Number.isSafeInteger(value);

export const monteCarloFormSchema = z
  .object({
    method: z.enum(MONTE_CARLO_METHODS),
    paths: z.string(),
    seed: z.string(),
    block_length: z.string(),
    ruin_equity: z.string(),
  })
  .superRefine((values, ctx) => {
    const paths = parseNumber(values.paths);
    if (!isWhole(paths) || paths! < 1 || paths! > MAX_PATHS) {
      ctx.addIssue({ code: "custom", path: ["paths"], message: "robustness.monteCarlo.validation.paths" });
    }
    if (values.seed.trim() !== "" && !isWhole(parseNumber(values.seed))) {
      ctx.addIssue({ code: "custom", path: ["seed"], message: "robustness.monteCarlo.validation.seed" });
    }
    if (values.method === "block_bootstrap" && values.block_length.trim() !== "") {
      const length = parseNumber(values.block_length);
      if (!isWhole(length) || length! < 1 || length! > MAX_BLOCK_LENGTH) {
        ctx.addIssue({ code: "custom", path: ["block_length"], message: "robustness.monteCarlo.validation.blockLength" });
      }
    }
    if (values.ruin_equity.trim() !== "") {
      const ruin = parseNumber(values.ruin_equity);
      if (ruin === null || ruin < 0) {
        ctx.addIssue({ code: "custom", path: ["ruin_equity"], message: "robustness.monteCarlo.validation.ruinEquity" });
      }
    }
  });

/** The request: blanks become nulls (the server's choice); a block length only for the block bootstrap. */
export function toMonteCarloRequest(values: MonteCarloFormValues): MonteCarloRequest {
  const blank = (text: string) => text.trim() === "";
  return {
    method: values.method,
    paths: parseNumber(values.paths) ?? DEFAULT_PATHS,
    seed: blank(values.seed) ? null : parseNumber(values.seed),
    block_length: values.method === "block_bootstrap" && !blank(values.block_length) ? parseNumber(values.block_length) : null,
    ruin_equity: blank(values.ruin_equity) ? null : parseNumber(values.ruin_equity),
  };
}

/** Where an API field error of the request goes on the form (the names are the same). */
export function monteCarloFieldFor(apiField: string | null): keyof MonteCarloFormValues | null {
  return apiField && ["method", "paths", "seed", "block_length", "ruin_equity"].includes(apiField)
    ? (apiField as keyof MonteCarloFormValues)
    : null;
}
