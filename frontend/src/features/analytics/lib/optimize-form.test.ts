import { describe, expect, it } from "vitest";
import { translate } from "@/lib/i18n";
import {
  defaultRanges,
  emptyOptimizeValues,
  gridSize,
  optimizeFieldFor,
  optimizeFormSchema,
  paramConstraintList,
  paramConstraintNames,
  rangeCount,
  toOptimizeRequest,
  toWalkForwardRequest,
  toWindows,
  type OptimizeFormValues,
} from "./optimize-form";
import { strategyParameter } from "@/test/fixtures";

const t = ((key: string, vars?: Record<string, string | number>) => translate("en", key, vars)) as never;
const PARAMS = [
  strategyParameter({ name: "fast", default: 10, min: 2, max: 100, step: 1 }),
  strategyParameter({ name: "slow", default: 30, min: 3, max: 300, step: 1 }),
  strategyParameter({ name: "mult", default: 2 }),
];

const values = (ranges: OptimizeFormValues["ranges"]): OptimizeFormValues => ({
  ...emptyOptimizeValues(),
  strategy_id: "s",
  symbol: "AAPL",
  interval: "1d",
  start_date: "2013-01-01",
  end_date: "2013-12-31",
  ranges,
});
const errorsOf = (v: OptimizeFormValues) => {
  const result = optimizeFormSchema({ parameters: PARAMS, t }).safeParse(v);
  return result.success ? {} : Object.fromEntries(result.error.issues.reverse().map((i) => [i.path.join("."), i.message]));
};

describe("optimisation ranges", () => {
  it("counts values as the engine does", () => {
    expect(rangeCount(5, 20, 5)).toBe(4);
    expect(rangeCount(0.1, 0.3, 0.1)).toBe(3);
    expect(rangeCount(1, 1, 1)).toBe(1);
    expect(rangeCount(2, 1, 1)).toBe(0);
  });

  it("start from the declared ranges, steps widened to keep the grid small; undeclared ones fixed", () => {
    const ranges = defaultRanges(PARAMS);
    expect(ranges.fast).toEqual({ enabled: true, from: "2", to: "100", step: "6" });
    expect(ranges.slow).toEqual({ enabled: true, from: "3", to: "300", step: "16" });
    expect(ranges.mult).toEqual({ enabled: false, from: "2", to: "2", step: "1" });
    expect(gridSize(ranges)).toBeLessThanOrEqual(400);
    expect(defaultRanges([{ name: "k", default: 0.5, min: 0.1, max: 1, step: 0.1 }]).k).toEqual({
      enabled: true,
      from: "0.1",
      to: "1",
      step: "0.1",
    });
  });

  it("refuse a reversed range, a zero step, values outside the declared range, and nothing varying", () => {
    expect(
      errorsOf(
        values({
          fast: { enabled: true, from: "20", to: "5", step: "5" },
          slow: { enabled: true, from: "1", to: "60", step: "0" },
          mult: { enabled: false, from: "2", to: "2", step: "1" },
        }),
      ),
    ).toEqual({
      "ranges.fast.to": "optimize.validation.toBelowFrom",
      "ranges.slow.step": "optimize.validation.stepPositive",
      ranges: "optimize.validation.nothingVaries",
    });
    expect(errorsOf(values({ fast: { enabled: true, from: "1", to: "20", step: "5" } }))).toEqual({
      "ranges.fast.from": "Between 2 and 100",
    });
  });

  it("refuse a grid over 10,000 combinations, as the API does", () => {
    const all = { fast: { enabled: true, from: "2", to: "100", step: "1" }, slow: { enabled: true, from: "3", to: "300", step: "1" } };
    expect(errorsOf(values(all))).toEqual({
      ranges: "29,502 combinations is over the limit of 10,000: narrow the ranges or take larger steps",
    });
  });

  it("send enabled ranges, fix the others at their value, and map the API's errors back", () => {
    const request = toOptimizeRequest(
      {
        ...values({
          fast: { enabled: true, from: "5", to: "20", step: "5" },
          slow: { enabled: false, from: "30", to: "30", step: "1" },
        }),
        constraints: [{ metric: "trade_count", op: ">=", value: "3" }],
      },
      PARAMS,
    );
    expect(request).toMatchObject({
      backtest: { symbol: "AAPL", initial_capital: 10000, parameters: { slow: 30 } },
      ranges: { fast: { from: 5, to: 20, step: 5 } },
      objective: "sharpe_ratio",
      constraints: [{ metric: "trade_count", op: ">=", value: 3 }],
    });
    expect(optimizeFieldFor("ranges.fast")).toBe("ranges.fast.from");
    expect(optimizeFieldFor("constraints[1]")).toBe("constraints.1.metric");
    expect(optimizeFieldFor("end_date")).toBe("end_date");
    expect(optimizeFieldFor("ranges")).toBeNull();
  });
});

describe("parameter constraints", () => {
  const wide = { fast: { enabled: true, from: "2", to: "100", step: "1" }, slow: { enabled: true, from: "3", to: "300", step: "1" } };

  it("reads a list separated by commas, semicolons or lines", () => {
    expect(paramConstraintList(" fast < slow, slow <= 200;\n\nfast != 5 ")).toEqual(["fast < slow", "slow <= 200", "fast != 5"]);
    expect(paramConstraintList("  ")).toEqual([]);
  });

  it("knows the names each side compares, as the engine parses them", () => {
    expect(paramConstraintNames("fast<slow")).toEqual(["fast", "slow"]);
    expect(paramConstraintNames("-5 <= fast")).toEqual(["fast"]);
    expect(paramConstraintNames("slow == 2.5")).toEqual(["slow"]);
    expect(paramConstraintNames("1 < 2")).toEqual([]);
    expect(paramConstraintNames("fast < 2 * slow")).toBeNull();
    expect(paramConstraintNames("fast = slow")).toBeNull();
  });

  it("refuses unknown names and bad syntax, and leaves a constrained grid's size to the API", () => {
    expect(errorsOf({ ...values(wide), param_constraints: "fast < slwo" })).toMatchObject({
      param_constraints: "No parameter slwo in this strategy",
    });
    expect(errorsOf({ ...values(wide), param_constraints: "fast slow" })["param_constraints"]).toContain("fast slow");
    // 99 x 298 combinations: over 10,000 without constraints, the API's to count with them.
    expect(errorsOf(values(wide))).toHaveProperty("ranges");
    expect(errorsOf({ ...values(wide), param_constraints: "fast < slow" })).toEqual({});
  });

  it("sends the list and maps the API's errors to the field", () => {
    const request = toOptimizeRequest({ ...values(wide), param_constraints: "fast < slow, slow <= 200" }, PARAMS);
    expect(request.param_constraints).toEqual(["fast < slow", "slow <= 200"]);
    expect(optimizeFieldFor("param_constraints[1]")).toBe("param_constraints");
    expect(optimizeFieldFor("param_constraints")).toBe("param_constraints");
  });
});

describe("the robustness lab's fields", () => {
  const grid = { fast: { enabled: true, from: "5", to: "20", step: "5" }, slow: { enabled: false, from: "30", to: "30", step: "1" } };
  const wfErrors = (v: OptimizeFormValues) => {
    const result = optimizeFormSchema({ parameters: PARAMS, t, mode: "walk-forward" }).safeParse(v);
    return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
  };

  it("hold out nothing by default, the last N% as a fraction, or every bar from a date, with CSCV partitions", () => {
    expect(toOptimizeRequest(values(grid), PARAMS)).toMatchObject({ out_of_sample: null, cscv_partitions: 16 });
    expect(
      toOptimizeRequest({ ...values(grid), out_of_sample: "fraction", oos_percent: "30", cscv_partitions: "8" }, PARAMS),
    ).toMatchObject({
      out_of_sample: { fraction: 0.3 },
      cscv_partitions: 8,
    });
    expect(toOptimizeRequest({ ...values(grid), out_of_sample: "from", oos_from: "2013-09-01" }, PARAMS).out_of_sample).toEqual({
      from: "2013-09-01",
    });
  });

  it("refuse a share outside (0, 90%], a split date outside the range, and CSCV partitions odd or outside 4..32", () => {
    expect(errorsOf({ ...values(grid), out_of_sample: "fraction", oos_percent: "0" })).toEqual({
      oos_percent: "optimize.validation.holdOut",
    });
    expect(errorsOf({ ...values(grid), out_of_sample: "fraction", oos_percent: "90.5" })).toEqual({
      oos_percent: "optimize.validation.holdOut",
    });
    expect(errorsOf({ ...values(grid), out_of_sample: "fraction", oos_percent: "90" })).toEqual({});
    expect(errorsOf({ ...values(grid), out_of_sample: "from", oos_from: "2013-01-01" })).toEqual({
      oos_from: "optimize.validation.holdOutFrom",
    });
    expect(errorsOf({ ...values(grid), out_of_sample: "from", oos_from: "2014-01-01" })).toEqual({
      oos_from: "optimize.validation.holdOutFrom",
    });
    expect(errorsOf({ ...values(grid), out_of_sample: "from", oos_from: "" })).toEqual({ oos_from: "validation.date" });
    expect(errorsOf({ ...values(grid), cscv_partitions: "15" })).toEqual({ cscv_partitions: "optimize.validation.cscv" });
    expect(errorsOf({ ...values(grid), cscv_partitions: "2" })).toEqual({ cscv_partitions: "optimize.validation.cscv" });
    expect(errorsOf({ ...values(grid), cscv_partitions: "34" })).toEqual({ cscv_partitions: "optimize.validation.cscv" });
    expect(errorsOf({ ...values(grid), cscv_partitions: "32" })).toEqual({});
  });

  it("check the walk-forward windows only in walk-forward mode, and not the split there", () => {
    const bad = { ...values(grid), window_count: "101", train_test_ratio: "0", gap_bars: "10001", cscv_partitions: "3" };
    expect(errorsOf(bad)).toEqual({ cscv_partitions: "optimize.validation.cscv" });
    expect(wfErrors(bad)).toEqual({
      window_count: "optimize.validation.windowCount",
      train_test_ratio: "optimize.validation.trainTestRatio",
      gap_bars: "optimize.validation.gapBars",
    });
    expect(wfErrors({ ...values(grid), window_sizing: "bars", train_bars: "", test_bars: "2.5" })).toEqual({
      train_bars: "optimize.validation.wholePositive",
      test_bars: "optimize.validation.wholePositive",
    });
    expect(wfErrors({ ...values(grid), window_sizing: "periods", train_period: "0" })).toEqual({
      train_period: "optimize.validation.wholePositive",
    });
    expect(wfErrors(values(grid))).toEqual({});
  });

  it("send only the window sizing chosen, as counts, bars or ISO periods", () => {
    const request = toWalkForwardRequest({ ...values(grid), window_mode: "anchored", window_count: "3", gap_bars: "5" }, PARAMS);
    expect(request.windows).toEqual({
      mode: "anchored",
      count: 3,
      train_test_ratio: 3,
      train_bars: null,
      test_bars: null,
      train_period: null,
      test_period: null,
      gap_bars: 5,
    });
    expect(request).toMatchObject({
      ranges: { fast: { from: 5, to: 20, step: 5 } },
      objective: "sharpe_ratio",
      backtest: { symbol: "AAPL" },
    });
    expect(request).not.toHaveProperty("out_of_sample");
    expect(toWindows({ ...values(grid), window_sizing: "bars", train_bars: "500", test_bars: "100" })).toMatchObject({
      train_bars: 500,
      test_bars: 100,
      train_period: null,
    });
    expect(
      toWindows({
        ...values(grid),
        window_sizing: "periods",
        train_period: "2",
        train_period_unit: "Y",
        test_period: "6",
        test_period_unit: "M",
      }),
    ).toMatchObject({
      train_bars: null,
      train_period: "P2Y",
      test_period: "P6M",
    });
  });

  it("map the API's errors of the split and the windows to their fields", () => {
    expect(optimizeFieldFor("out_of_sample.fraction")).toBe("oos_percent");
    expect(optimizeFieldFor("out_of_sample.from")).toBe("oos_from");
    expect(optimizeFieldFor("cscv_partitions")).toBe("cscv_partitions");
    expect(optimizeFieldFor("windows.count")).toBe("window_count");
    expect(optimizeFieldFor("windows.train_period")).toBe("train_period");
    expect(optimizeFieldFor("windows.gap_bars")).toBe("gap_bars");
  });
});
