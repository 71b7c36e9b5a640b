import { screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { symbolView } from "@/test/fixtures";
import { json, renderWithProviders, stubApi } from "@/test/render";
import { BacktestForm } from "./backtest-form";

const STRATEGY = { id: "93c3ce20-63d3-49a1-8e13-c097cddacad8", name: "Buy and hold", mine: true, parameters: [] };
const SAMSUNG = symbolView({
  symbol: "005930",
  name: "Samsung Electronics",
  name_ko: "삼성전자",
  market: "KRX",
  board: "kospi",
  currency: "KRW",
  time_zone: "Asia/Seoul",
  tick_size: 1,
  intervals: [{ interval: "1d", first_bar: "2018-01-01T15:00:00Z", last_bar: "2018-12-27T15:00:00Z", bar_count: 244, price_basis: "raw" }],
});
const KOSPI = { market: "kospi", symbol: "^KS11", name: "KOSPI", total_return: false, stored: true };
const SUGGESTIONS = {
  markets: [
    KOSPI,
    { market: "kosdaq", symbol: "^KQ11", name: "KOSDAQ", total_return: false, stored: false },
    { market: "us", symbol: "^GSPC", name: "S&P 500", total_return: false, stored: true },
    { market: "crypto", symbol: null, name: null, total_return: false, stored: false },
  ],
  suggested: KOSPI,
};

function api() {
  const created: Record<string, unknown>[] = [];
  const fetched: Record<string, unknown>[] = [];
  const stub = stubApi(async (request, url) => {
    if (url.pathname === "/api/v1/strategies") return json(200, { items: [STRATEGY], page: 0, size: 100, total_items: 1, total_pages: 1 });
    if (url.pathname === "/api/v1/data/symbols") return json(200, [SAMSUNG]);
    if (url.pathname === "/api/v1/backtests/benchmark-defaults") {
      return url.searchParams.get("symbol") === "005930" ? json(200, SUGGESTIONS) : json(200, { ...SUGGESTIONS, suggested: null });
    }
    if (url.pathname === "/api/v1/data/import" && request.method === "POST") {
      fetched.push((await request.json()) as Record<string, unknown>);
      return json(202, { id: "import-1", status: "pending" });
    }
    if (url.pathname === "/api/v1/backtests" && request.method === "POST") {
      created.push((await request.json()) as Record<string, unknown>);
      return json(202, { id: "run-1", status: "pending", progress: 0 });
    }
    return undefined;
  });
  return { ...stub, created, fetched };
}

afterEach(() => vi.unstubAllGlobals());

describe("the new-backtest form on a KRX symbol (issue 19)", () => {
  it("offers price limits, on by default, and sends the prices chosen", async () => {
    const { created } = api();
    const { user } = renderWithProviders(<BacktestForm prefill={{ strategy_id: STRATEGY.id, symbol: "005930" }} />);
    const limits = await screen.findByRole("switch", { name: "KRX daily price limits" });
    expect(limits).toBeChecked();
    await waitFor(() => expect(screen.getByLabelText("Start date")).toHaveValue("2018-01-02"));
    await user.click(screen.getByTestId("price-adjustment-total_return"));
    expect(screen.getByTestId("dividends-cash")).toBeDisabled();
    await user.click(limits);
    await user.click(screen.getAllByRole("button", { name: "Run backtest" })[0]!);
    await waitFor(() => expect(created).toHaveLength(1));
    expect(created[0]).toMatchObject({ symbol: "005930", price_adjustment: "total_return", dividends: "none", price_limits: false });
  });

  it("suggests KOSPI first as the benchmark and fetches an index not stored yet", async () => {
    const { created, fetched } = api();
    const { user } = renderWithProviders(<BacktestForm prefill={{ strategy_id: STRATEGY.id, symbol: "005930" }} />);
    const kospi = await screen.findByTestId("benchmark-suggestion-^KS11");
    const offered = screen.getAllByTestId(/^benchmark-suggestion-/).map((button) => button.dataset.testid);
    expect(offered).toEqual(["benchmark-suggestion-^KS11", "benchmark-suggestion-^KQ11", "benchmark-suggestion-^GSPC"]);
    expect(kospi).toHaveTextContent("KOSPI (^KS11)");
    expect(screen.getByTestId("benchmark-suggestion-^KQ11")).toBeDisabled();
    expect(screen.getByTestId("benchmark-suggestion-^KQ11")).toHaveTextContent("not stored yet");
    await waitFor(() => expect(screen.getByLabelText("Start date")).toHaveValue("2018-01-02"));
    await user.click(screen.getByTestId("fetch-benchmark-^KQ11"));
    await waitFor(() => expect(fetched).toHaveLength(1));
    expect(fetched[0]).toEqual({ source: "yahoo", symbol: "^KQ11", interval: "1d", start: "2018-01-02" });
    expect(await screen.findByText(/Fetching \^KQ11/)).toBeInTheDocument();
    await user.click(kospi);
    expect(screen.getByTestId("benchmark-input")).toHaveValue("^KS11");
    await user.click(screen.getAllByRole("button", { name: "Run backtest" })[0]!);
    await waitFor(() => expect(created).toHaveLength(1));
    expect(created[0]).toMatchObject({ benchmark: "^KS11" });
  });
});
