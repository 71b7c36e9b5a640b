import { describe, expect, it } from "vitest";
import { defaultMonteCarloValues, monteCarloFieldFor, monteCarloFormSchema, toMonteCarloRequest } from "./monte-carlo-form";

const errors = (values: Partial<ReturnType<typeof defaultMonteCarloValues>>) => {
  const result = monteCarloFormSchema.safeParse({ ...defaultMonteCarloValues(10_000), ...values });
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("the Monte Carlo form", () => {
  it("starts with a shuffle of 1,000 paths, a random seed and ruin at half the capital", () => {
    expect(defaultMonteCarloValues(10_000_000)).toEqual({
      method: "shuffle",
      paths: "1000",
      seed: "",
      block_length: "",
      ruin_equity: "5000000",
    });
    expect(defaultMonteCarloValues(null).ruin_equity).toBe("");
    expect(errors({})).toEqual({});
  });

  it("takes 1 to 100,000 whole paths", () => {
    expect(errors({ paths: "0" })).toEqual({ paths: "robustness.monteCarlo.validation.paths" });
    expect(errors({ paths: "100001" })).toEqual({ paths: "robustness.monteCarlo.validation.paths" });
    expect(errors({ paths: "10.5" })).toEqual({ paths: "robustness.monteCarlo.validation.paths" });
    expect(errors({ paths: "100,000" })).toEqual({});
  });

  it("takes a whole seed or none, a block length only for the block bootstrap, and ruin of 0 or more", () => {
    expect(errors({ seed: "1.5" })).toEqual({ seed: "robustness.monteCarlo.validation.seed" });
    expect(errors({ seed: "-7" })).toEqual({});
    expect(errors({ method: "block_bootstrap", block_length: "0" })).toEqual({
      block_length: "robustness.monteCarlo.validation.blockLength",
    });
    expect(errors({ method: "shuffle", block_length: "0" })).toEqual({});
    expect(errors({ ruin_equity: "-1" })).toEqual({ ruin_equity: "robustness.monteCarlo.validation.ruinEquity" });
  });

  it("sends blanks as nulls and a block length only with the block bootstrap", () => {
    expect(toMonteCarloRequest(defaultMonteCarloValues(10_000))).toEqual({
      method: "shuffle",
      paths: 1000,
      seed: null,
      block_length: null,
      ruin_equity: 5000,
    });
    expect(toMonteCarloRequest({ method: "block_bootstrap", paths: "5,000", seed: "42", block_length: "20", ruin_equity: "" })).toEqual({
      method: "block_bootstrap",
      paths: 5000,
      seed: 42,
      block_length: 20,
      ruin_equity: null,
    });
    expect(
      toMonteCarloRequest({ method: "bootstrap", paths: "10", seed: "", block_length: "20", ruin_equity: "1" }).block_length,
    ).toBeNull();
  });

  it("puts the API's field errors on the fields of the same name", () => {
    expect(monteCarloFieldFor("paths")).toBe("paths");
    expect(monteCarloFieldFor("block_length")).toBe("block_length");
    expect(monteCarloFieldFor("backtest_id")).toBeNull();
    expect(monteCarloFieldFor(null)).toBeNull();
  });
});
