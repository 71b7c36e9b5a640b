import { screen } from "@testing-library/react";
import { useForm } from "react-hook-form";
import { afterEach, describe, expect, it, vi } from "vitest";
import { json, renderWithProviders, stubApi } from "@/test/render";
import { pickSample } from "../api/quick-test";
import type { StrategyFormValues } from "../api/save-strategy";
import { QuickTest } from "./quick-test";
import { aaplSample, symbolView } from "@/test/fixtures";

function Harness({ id, compiles = true }: { id: string | null; compiles?: boolean }) {
  const form = useForm<StrategyFormValues>({
    defaultValues: { name: "SMA", description: "", code: "long_entry = close > sma(close, 5)", is_public: false },
  });
  return <QuickTest strategyId={id} form={form} compiles={compiles} />;
}

afterEach(() => vi.unstubAllGlobals());

describe("the editor's test action", () => {
  it("tests on AAPL daily 2013 when stored, else on the first symbol's data", () => {
    const aapl = aaplSample();
    const btc = symbolView({
      symbol: "KRW-BTC",
      currency: "KRW",
      time_zone: "Asia/Seoul",
      intervals: [{ interval: "1h", first_bar: "2024-01-01T00:00:00Z", last_bar: "2024-02-01T00:00:00Z", bar_count: 744 }],
    });
    expect(pickSample([btc, aapl])).toMatchObject({ symbol: "AAPL", interval: "1d", start_date: "2013-01-01", end_date: "2013-12-31" });
    expect(pickSample([btc])).toEqual({
      symbol: "KRW-BTC",
      interval: "1h",
      start_date: "2024-01-01",
      end_date: "2024-02-01",
      initial_capital: 10_000_000,
    });
    expect(pickSample([])).toBeNull();
  });

  it("saves a new strategy, runs it on the sample and shows its key metrics", async () => {
    const { requests } = stubApi((request, url) => {
      if (url.pathname === "/api/v1/strategies" && request.method === "POST") return json(201, { id: "s-1", name: "SMA" });
      if (url.pathname === "/api/v1/data/symbols") return json(200, [{ symbol: "AAPL", intervals: [{ interval: "1d", bar_count: 252 }] }]);
      if (url.pathname === "/api/v1/backtests" && request.method === "POST") return json(202, { id: "run-1", status: "pending" });
      if (url.pathname === "/api/v1/backtests/run-1/status") return json(200, { id: "run-1", status: "completed", progress: 100 });
      if (url.pathname === "/api/v1/backtests/run-1") {
        return json(200, {
          id: "run-1",
          settings: { currency: "USD" },
          result: {
            metrics: { total_return: 0.0241, max_drawdown: -0.1649, sharpe_ratio: 0.226, win_rate: 0.333, trade_count: 3, cagr: 0.0243 },
          },
        });
      }
      return undefined;
    });
    const { user } = renderWithProviders(<Harness id={null} />);
    await user.click(screen.getByRole("button", { name: "Test" }));
    expect(await screen.findByText("+2.41%")).toBeInTheDocument();
    expect(screen.getByText("-16.49%")).toBeInTheDocument();
    expect(screen.getByText("AAPL 1d, 2013-01-01 to 2013-12-31, default parameters")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Open full result" })).toHaveAttribute("href", "/backtests/run-1");
    const run = requests.find((r) => r.url.endsWith("/api/v1/backtests") && r.method === "POST")!;
    expect(await run.json()).toMatchObject({ strategy_id: "s-1", symbol: "AAPL", interval: "1d" });
    expect(requests.findIndex((r) => r.url.endsWith("/api/v1/strategies"))).toBeLessThan(requests.indexOf(run));
  });

  it("does not run code that does not compile", async () => {
    const { requests } = stubApi(() => undefined);
    const { user } = renderWithProviders(<Harness id="s-1" compiles={false} />);
    await user.click(screen.getByRole("button", { name: "Test" }));
    expect(await screen.findByText("The code doesn't compile yet. Fix the problems, then test.")).toBeInTheDocument();
    expect(requests).toHaveLength(0);
  });
});
