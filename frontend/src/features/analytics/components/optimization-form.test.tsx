import { screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { aaplSample } from "@/test/fixtures";
import { json, renderWithProviders, stubApi } from "@/test/render";
import { OptimizationForm } from "./optimization-form";

const STRATEGY = {
  id: "93c3ce20-63d3-49a1-8e13-c097cddacad8",
  name: "SMA crossover",
  mine: true,
  parameters: [
    { name: "fast", default: 10, min: 5, max: 10, step: 5 },
    { name: "slow", default: 30, min: 20, max: 30, step: 10 },
  ],
};

function api(onCreate?: (body: Record<string, unknown>) => Response) {
  return stubApi((request, url) => {
    if (url.pathname === "/api/v1/strategies") return json(200, { items: [STRATEGY], page: 0, size: 100, total_items: 1, total_pages: 1 });
    if (url.pathname === "/api/v1/data/symbols") return json(200, [aaplSample()]);
    if (url.pathname === "/api/v1/backtests/optimize" && request.method === "POST") {
      return request.json().then((body) => (onCreate ? onCreate(body as Record<string, unknown>) : json(202, { id: "opt-1" })));
    }
    return undefined;
  });
}

/** Picks the strategy and AAPL, and waits for the symbol's range to fill the dates. */
async function fillBacktest(user: ReturnType<typeof renderWithProviders>["user"], testIdPrefix: string) {
  await user.click(await screen.findByTestId(`${testIdPrefix}-strategy`));
  await user.click(await screen.findByRole("option", { name: "SMA crossover" }));
  const symbol = screen.getByTestId(`${testIdPrefix}-symbol`);
  await user.type(symbol, "AAPL");
  await screen.findByRole("option", { name: /^AAPL/ });
  await user.keyboard("{Enter}");
  await waitFor(() => expect(screen.getByLabelText("End date")).toHaveValue("2013-12-31"));
}

afterEach(() => vi.unstubAllGlobals());

describe("the optimisation form's robustness fields", () => {
  it("holds out the last 30% and shows the server's field errors under the CSCV partitions", async () => {
    const bodies: Record<string, unknown>[] = [];
    api((body) => {
      bodies.push(body);
      return json(422, {
        type: "/problems/validation",
        title: "Invalid request",
        status: 422,
        errors: [{ field: "cscv_partitions", message: "must be at most 8 for 4 combinations" }],
      });
    });
    const onStarted = vi.fn();
    const { user } = renderWithProviders(<OptimizationForm onStarted={onStarted} />);
    await fillBacktest(user, "optimize");
    await user.click(screen.getByTestId("optimize-oos-choice"));
    await user.click(await screen.findByRole("option", { name: "The last N% of the bars" }));
    expect(await screen.findByTestId("optimize-oos-percent")).toHaveValue(30);
    await user.click(screen.getByTestId("start-optimization"));
    expect(await screen.findByText("must be at most 8 for 4 combinations")).toBeInTheDocument();
    expect(screen.getByTestId("optimize-cscv")).toHaveAttribute("aria-invalid", "true");
    expect(bodies[0]).toMatchObject({
      out_of_sample: { fraction: 0.3 },
      cscv_partitions: 16,
      ranges: { fast: { from: 5, to: 10, step: 5 } },
    });
    expect(onStarted).not.toHaveBeenCalled();
  });

  it("refuses an odd number of partitions before sending", async () => {
    const { requests } = api();
    const { user } = renderWithProviders(<OptimizationForm onStarted={() => {}} />);
    await fillBacktest(user, "optimize");
    await user.clear(screen.getByTestId("optimize-cscv"));
    await user.type(screen.getByTestId("optimize-cscv"), "7");
    await user.click(screen.getByTestId("start-optimization"));
    expect(await screen.findByText("An even number from 4 to 32")).toBeInTheDocument();
    expect(requests.some((r) => r.method === "POST")).toBe(false);
  });

  it("in walk-forward mode starts a walk-forward of the same grid over the windows asked for", async () => {
    api();
    const startWalkForward = vi.fn(async () => "wf-1");
    const onStarted = vi.fn();
    const { user } = renderWithProviders(
      <OptimizationForm mode="walk-forward" onStarted={onStarted} startWalkForward={startWalkForward} />,
    );
    expect(screen.getByText("New walk-forward")).toBeInTheDocument();
    expect(screen.queryByTestId("optimize-out-of-sample")).not.toBeInTheDocument();
    await fillBacktest(user, "optimize");
    await user.clear(screen.getByTestId("wf-count"));
    await user.type(screen.getByTestId("wf-count"), "3");
    await user.click(screen.getByTestId("wf-mode"));
    await user.click(await screen.findByRole("option", { name: "Anchored (grows from the start)" }));
    await user.click(screen.getByTestId("start-walk-forward"));
    await waitFor(() => expect(onStarted).toHaveBeenCalledWith("wf-1"));
    expect(startWalkForward).toHaveBeenCalledWith(
      expect.objectContaining({
        backtest: expect.objectContaining({ symbol: "AAPL", interval: "1d", start_date: "2013-01-02", end_date: "2013-12-31" }),
        ranges: { fast: { from: 5, to: 10, step: 5 }, slow: { from: 20, to: 30, step: 10 } },
        windows: {
          mode: "anchored",
          count: 3,
          train_test_ratio: 3,
          train_bars: null,
          test_bars: null,
          train_period: null,
          test_period: null,
          gap_bars: 0,
        },
      }),
    );
  });

  it("in walk-forward mode asks for both lengths when windows are sized in bars", async () => {
    api();
    const startWalkForward = vi.fn(async () => "wf-1");
    const { user } = renderWithProviders(<OptimizationForm mode="walk-forward" onStarted={() => {}} startWalkForward={startWalkForward} />);
    await fillBacktest(user, "optimize");
    await user.click(screen.getByTestId("wf-sizing"));
    await user.click(await screen.findByRole("option", { name: "Lengths in bars" }));
    await user.type(await screen.findByTestId("wf-train-bars"), "120");
    await user.click(screen.getByTestId("start-walk-forward"));
    expect(await screen.findByText("A whole number of at least 1")).toBeInTheDocument();
    expect(startWalkForward).not.toHaveBeenCalled();
  });
});
