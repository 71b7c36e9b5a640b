import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithProviders } from "@/test/render";
import type { SchemaRunChartResponse } from "@/lib/api/schema";
import { histogramBins, ReturnCharts, sharpePoints } from "./return-charts";

const CHART = {
  return_period: "bar",
  periods_per_year: 252,
  returns_histogram: { edges: [-0.02, -0.01, 0, 0.01], counts: [2, 5, 3], total: 10 },
  rolling_sharpe: { window: 63, time: [1, 2, 3], sharpe: [0.5, null, 1.2], total_points: 3 },
} as unknown as SchemaRunChartResponse;

describe("the return charts", () => {
  it("turns the API's edges and counts into bins with their bounds", () => {
    expect(histogramBins(CHART.returns_histogram)).toEqual([
      { mid: -0.015, from: -0.02, to: -0.01, count: 2 },
      { mid: -0.005, from: -0.01, to: 0, count: 5 },
      { mid: 0.005, from: 0, to: 0.01, count: 3 },
    ]);
    expect(histogramBins(undefined)).toEqual([]);
  });

  it("keeps an undefined rolling Sharpe as a gap", () => {
    expect(sharpePoints(CHART.rolling_sharpe)).toEqual([
      { t: 1, sharpe: 0.5 },
      { t: 2, sharpe: null },
      { t: 3, sharpe: 1.2 },
    ]);
  });

  it("draws both charts with what they measure, and says when there is too little data", () => {
    const { rerender } = renderWithProviders(<ReturnCharts chart={CHART} timeZone="UTC" interval="1d" />);
    expect(screen.getByRole("img", { name: "Histogram of returns" })).toBeInTheDocument();
    expect(screen.getByText("10 per-bar returns in 3 bins.")).toBeInTheDocument();
    expect(screen.getByRole("img", { name: "Rolling Sharpe ratio over time" })).toBeInTheDocument();
    expect(screen.getByText(/each trailing window of 63 per-bar returns/)).toBeInTheDocument();

    const empty = {
      ...CHART,
      returns_histogram: { edges: [], counts: [], total: 0 },
      rolling_sharpe: { window: 63, time: [], sharpe: [], total_points: 0 },
    } as unknown as SchemaRunChartResponse;
    rerender(<ReturnCharts chart={empty} timeZone="UTC" interval="1d" />);
    expect(screen.getByText("Too few bars for a distribution.")).toBeInTheDocument();
    expect(screen.getByText("The run is shorter than one window.")).toBeInTheDocument();
  });
});
