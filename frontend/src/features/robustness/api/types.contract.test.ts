import { describe, expect, it } from "vitest";
import type {
  SchemaDeflatedSharpeView,
  SchemaMonteCarloRequest,
  SchemaMonteCarloResponse,
  SchemaMonteCarloSummary,
  SchemaOptimizationResponse,
  SchemaOutOfSampleView,
  SchemaPboView,
  SchemaPlateauView,
  SchemaPageResponseWalkForwardSummary,
  SchemaWalkForwardRequest,
  SchemaWalkForwardResponse,
} from "@/lib/api/schema";
import type {
  DeflatedSharpe,
  MonteCarloRequest,
  MonteCarloResponse,
  MonteCarloSummary,
  OptimizationWithRobustness,
  OutOfSample,
  Pbo,
  Plateau,
  Page,
  WalkForwardRequest,
  WalkForwardResponse,
  WalkForwardSummary,
} from "./types";

/** Compiles only when what the API is generated to send can be read as the hand-written type. */
const reads = <Hand>(generated: Hand) => generated;

describe("the hand-written robustness types against the generated schema", () => {
  it("read what the merged API answers, and send what it takes (a type check: tsc fails otherwise)", () => {
    const check = (
      mc: SchemaMonteCarloResponse,
      summary: SchemaMonteCarloSummary,
      request: MonteCarloRequest,
      dsr: SchemaDeflatedSharpeView,
      pbo: SchemaPboView,
      plateau: SchemaPlateauView,
      split: SchemaOutOfSampleView,
      optimization: SchemaOptimizationResponse,
      walkForward: SchemaWalkForwardResponse,
      walkForwards: SchemaPageResponseWalkForwardSummary,
      walkForwardRequest: WalkForwardRequest,
    ) => [
      reads<MonteCarloResponse>(mc),
      reads<MonteCarloSummary>(summary),
      reads<SchemaMonteCarloRequest>(request),
      reads<DeflatedSharpe>(dsr),
      reads<Pbo>(pbo),
      reads<Plateau>(plateau),
      reads<OutOfSample>(split),
      reads<OptimizationWithRobustness>(optimization),
      reads<WalkForwardResponse>(walkForward),
      reads<Page<WalkForwardSummary>>(walkForwards),
      reads<SchemaWalkForwardRequest>(walkForwardRequest),
    ];
    expect(typeof check).toBe("function");
  });
});
