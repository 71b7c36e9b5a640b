import { describe, expect, it } from "vitest";
import { extent, niceStep, niceTicks } from "./axis";

describe("value axis ticks", () => {
  it("step by 1, 2, 2.5 or 5 times a power of ten", () => {
    expect(niceStep(22, 4)).toBe(10);
    expect(niceStep(0.22, 4)).toBe(0.1);
    expect(niceStep(0.09, 4)).toBe(0.025);
    expect(niceStep(7_000_000, 4)).toBe(2_000_000);
    expect(niceStep(1, 4)).toBe(0.25);
    expect(niceStep(0, 4)).toBe(1);
  });

  it("cover a drawdown with round percentages, never -7 / -15 / -22%", () => {
    expect(niceTicks(-0.223, 0)).toEqual([-0.3, -0.2, -0.1, 0]);
    expect(niceTicks(-0.223, 0, 5)).toEqual([-0.25, -0.2, -0.15, -0.1, -0.05, 0]);
    expect(niceTicks(-0.071, 0)).toEqual([-0.08, -0.06, -0.04, -0.02, 0]);
  });

  it("cover money from below its lowest to above its highest value", () => {
    expect(niceTicks(9_400_000, 13_100_000)).toEqual([9_000_000, 10_000_000, 11_000_000, 12_000_000, 13_000_000, 14_000_000]);
    expect(niceTicks(9_812.5, 10_240)).toEqual([9_800, 10_000, 10_200, 10_400]);
  });

  it("handle tiny, huge, negative, flat and missing ranges", () => {
    expect(niceTicks(0.00012, 0.00019)).toEqual([0.00012, 0.00014, 0.00016, 0.00018, 0.0002]);
    expect(niceTicks(2e12, 9e12)).toEqual([2e12, 4e12, 6e12, 8e12, 1e13]);
    expect(niceTicks(-30, -10)).toEqual([-30, -25, -20, -15, -10]);
    expect(niceTicks(0, 0)).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(niceTicks(100, 100)).toEqual([90, 95, 100, 105, 110]);
    expect(niceTicks(Number.NaN, 1)).toEqual([]);
  });

  it("find the extent of several series, skipping gaps", () => {
    expect(extent([3, null, 1], [undefined, 7, Number.NaN])).toEqual([1, 7]);
    expect(extent([null], [])).toBeNull();
  });
});
