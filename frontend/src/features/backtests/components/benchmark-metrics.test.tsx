import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithProviders } from "@/test/render";
import { BenchmarkMetrics } from "./benchmark-metrics";

const METRICS = {
  total_return: 0.12,
  alpha: 0.0345,
  beta: 1.2,
  correlation: null,
  tracking_error: 0.081,
  information_ratio: -0.5,
  up_capture: 1.1,
  down_capture: 0.8,
  benchmark_return: -0.02,
};

describe("the benchmark metrics", () => {
  it("shows each metric against the benchmark with its formula in words", async () => {
    const { user } = renderWithProviders(<BenchmarkMetrics metrics={METRICS} benchmark={{ symbol: "SPY", returns: 251 }} />);

    const card = screen.getByTestId("benchmark-metrics");
    expect(within(card).getByText("Against SPY")).toBeInTheDocument();
    expect(card).toHaveTextContent("measured over 251 returns per bar");
    expect(screen.getByTestId("benchmark-alpha")).toHaveTextContent("+3.45%");
    expect(screen.getByTestId("benchmark-alpha")).toHaveClass("text-gain");
    expect(screen.getByTestId("benchmark-beta")).toHaveTextContent("1.20");
    // Undefined (a run whose equity never moved) is a dash, not 0 or NaN.
    expect(screen.getByTestId("benchmark-correlation")).toHaveTextContent("—");
    expect(screen.getByTestId("benchmark-tracking_error")).toHaveTextContent("8.10%");
    expect(screen.getByTestId("benchmark-information_ratio")).toHaveTextContent("-0.50");
    expect(screen.getByTestId("benchmark-up_capture")).toHaveTextContent("110.00%");
    expect(screen.getByTestId("benchmark-down_capture")).toHaveTextContent("80.00%");
    expect(screen.getByTestId("benchmark-benchmark_return")).toHaveTextContent("-2.00%");

    const betaHint = screen.getByRole("button", { name: /covariance of their returns per bar/ });
    await user.hover(betaHint);
    expect(await screen.findByRole("tooltip")).toHaveTextContent("divided by the variance of the benchmark's");
  });

  it("says when too few bars overlap to measure anything", () => {
    renderWithProviders(<BenchmarkMetrics metrics={{ benchmark_return: 0 }} benchmark={{ symbol: "SPY", returns: 1 }} />);
    expect(screen.getByTestId("benchmark-metrics")).toHaveTextContent("Too few overlapping bars");
    expect(screen.getByTestId("benchmark-beta")).toHaveTextContent("—");
  });

  it("shows nothing for a run without a benchmark", () => {
    renderWithProviders(<BenchmarkMetrics metrics={METRICS} benchmark={null} />);
    expect(screen.queryByTestId("benchmark-metrics")).not.toBeInTheDocument();
  });
});
