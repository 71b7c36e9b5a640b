import { screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { json, renderWithProviders, stubApi } from "@/test/render";
import { optimization } from "../test/fixtures";
import { OptimizationRobustness } from "./optimization-robustness";

const PATH = "/api/v1/backtests/optimize/opt-1";

afterEach(() => vi.unstubAllGlobals());

describe("an optimisation's robustness tab", () => {
  it("shows the Deflated Sharpe, PBO and plateau cards with their readings", async () => {
    stubApi((_, url) => (url.pathname === PATH ? json(200, optimization()) : undefined));
    const { user } = renderWithProviders(<OptimizationRobustness id="opt-1" />);
    const dsr = await screen.findByTestId("dsr-card");
    expect(within(dsr).getByTestId("dsr-probability")).toHaveTextContent("62.0%");
    expect(within(dsr).getByTestId("dsr-reading")).toHaveAttribute("data-verdict", "caution");
    expect(within(dsr).getByTestId("dsr-reading")).toHaveTextContent("may partly be luck among 4 trials");
    await user.click(within(dsr).getByText("Inputs"));
    expect(within(dsr).getByText("Returns (T)").nextElementSibling).toHaveTextContent("1,762");
    expect(within(dsr).getByText("Kurtosis").nextElementSibling).toHaveTextContent("5.10");

    const pbo = screen.getByTestId("pbo-card");
    expect(within(pbo).getByTestId("pbo-probability")).toHaveTextContent("64.0%");
    expect(within(pbo).getByTestId("pbo-reading")).toHaveAttribute("data-verdict", "bad");
    expect(within(pbo).getByText("12,870 of 16 slices")).toBeInTheDocument();

    const plateau = screen.getByTestId("plateau-card");
    expect(within(plateau).getByTestId("plateau-ratio")).toHaveTextContent("0.42");
    expect(within(plateau).getByTestId("plateau-reading")).toHaveTextContent("An isolated peak");
    expect(within(plateau).getByTestId("plateau-parameters")).toHaveTextContent("fast=5, slow=30");
    expect(within(plateau).getByTestId("plateau-table")).toHaveTextContent("fast=10, slow=20");
  });

  it("sets the top ten in sample beside their held-out scores, marking those worse out of sample, and the split on the equity", async () => {
    stubApi((_, url) => (url.pathname === PATH ? json(200, optimization()) : undefined));
    renderWithProviders(<OptimizationRobustness id="opt-1" />);
    const table = await screen.findByTestId("oos-table");
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows[0]).toHaveAttribute("data-worse", "true");
    expect(rows[0]).toHaveTextContent(/1\s*fast=10, slow=20\s*1\.20\s*0\.40/);
    expect(within(rows[0]!).getByLabelText("Worse out of sample")).toBeInTheDocument();
    expect(rows[1]).toHaveAttribute("data-worse", "false");
    expect(rows[0]).toHaveTextContent("+30.00% / +5.00%");
    expect(screen.getByTestId("oos-section")).toHaveTextContent("Ranked on 1,762 bars, tested on the 754 bars from 2017-01-03.");
    expect(screen.getByTestId("oos-equity")).toHaveAttribute("data-points", "3");
  });

  it("shows that the statistics are being computed, and polls until they arrive", async () => {
    let calls = 0;
    stubApi((_, url) => {
      if (url.pathname !== PATH) return undefined;
      calls++;
      if (calls === 1) {
        return json(
          200,
          optimization({ statistics: null, out_of_sample: { ...optimization().out_of_sample!, status: "pending", results: [] } }),
        );
      }
      return json(200, optimization());
    });
    renderWithProviders(<OptimizationRobustness id="opt-1" />);
    expect(await screen.findByTestId("statistics-pending")).toHaveTextContent("Computing");
    expect(screen.getByTestId("oos-pending")).toBeInTheDocument();
    expect(await screen.findByTestId("dsr-card", {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByTestId("optimization-robustness")).toHaveAttribute("data-pending", "false");
    expect(screen.queryByTestId("statistics-pending")).not.toBeInTheDocument();
  });

  it("waits for a running sweep, and says so when a finished one has no statistics", async () => {
    stubApi((_, url) =>
      url.pathname === PATH ? json(200, optimization({ status: "running", statistics: null, out_of_sample: null })) : undefined,
    );
    const { unmount } = renderWithProviders(<OptimizationRobustness id="opt-1" />);
    expect(await screen.findByTestId("robustness-waiting")).toHaveTextContent("once the sweep has finished");
    unmount();
    vi.unstubAllGlobals();
    stubApi((_, url) =>
      url.pathname === PATH ? json(200, optimization({ status: "failed", statistics: null, out_of_sample: null })) : undefined,
    );
    renderWithProviders(<OptimizationRobustness id="opt-1" />);
    expect(await screen.findByTestId("robustness-waiting")).toHaveTextContent("no robustness statistics");
  });

  it("shows a card as unavailable when its statistic could not be computed", async () => {
    stubApi((_, url) =>
      url.pathname === PATH
        ? json(200, optimization({ statistics: { ...optimization().statistics!, pbo: null }, out_of_sample: null }))
        : undefined,
    );
    renderWithProviders(<OptimizationRobustness id="opt-1" />);
    await screen.findByTestId("dsr-card");
    expect(screen.queryByTestId("pbo-card")).not.toBeInTheDocument();
    expect(screen.getByText("Probability of backtest overfitting").closest("[data-slot=card]")).toHaveTextContent("Not available");
    expect(screen.queryByTestId("oos-section")).not.toBeInTheDocument();
  });

  it("shows an undefined figure as a dash and reads nothing into it", async () => {
    const stats = optimization().statistics!;
    stubApi((_, url) =>
      url.pathname === PATH
        ? json(
            200,
            optimization({ statistics: { ...stats, deflated_sharpe: { ...stats.deflated_sharpe!, probability: null, skewness: null } } }),
          )
        : undefined,
    );
    renderWithProviders(<OptimizationRobustness id="opt-1" />);
    expect(await screen.findByTestId("dsr-probability")).toHaveTextContent("—");
    expect(screen.queryByTestId("dsr-reading")).not.toBeInTheDocument();
    expect(screen.getByTestId("pbo-reading")).toBeInTheDocument();
  });
});
