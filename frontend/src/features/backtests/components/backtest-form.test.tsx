import { screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { aaplSample } from "@/test/fixtures";
import { json, renderWithProviders, stubApi } from "@/test/render";
import { BacktestForm } from "./backtest-form";

const STRATEGY = {
  id: "93c3ce20-63d3-49a1-8e13-c097cddacad8",
  name: "SMA crossover",
  mine: true,
  parameters: [
    { name: "fast", default: 10, min: 2, max: 100, step: 1 },
    { name: "slow", default: 30, min: 3, max: 300, step: 1 },
  ],
};
const AAPL = aaplSample();

function api(onCreate?: (body: Record<string, unknown>) => Response) {
  return stubApi((request, url) => {
    if (url.pathname === "/api/v1/strategies") return json(200, { items: [STRATEGY], page: 0, size: 100, total_items: 1, total_pages: 1 });
    if (url.pathname === "/api/v1/data/symbols") return json(200, [AAPL]);
    if (url.pathname === "/api/v1/backtests" && request.method === "POST") {
      return request
        .json()
        .then((body) =>
          onCreate ? onCreate(body as Record<string, unknown>) : json(202, { id: "run-1", status: "pending", progress: 0 }),
        );
    }
    return undefined;
  });
}

afterEach(() => vi.unstubAllGlobals());

describe("the new-backtest form", () => {
  it("says what is missing before anything is sent", async () => {
    const { requests } = api();
    const { user } = renderWithProviders(<BacktestForm />);
    await user.click(screen.getAllByRole("button", { name: "Run backtest" })[0]!);
    expect(await screen.findByText("Choose the strategy to test")).toBeInTheDocument();
    expect(screen.getByText("Choose a symbol")).toBeInTheDocument();
    expect(screen.getByText("Choose an interval")).toBeInTheDocument();
    expect(screen.getAllByText("Use a date like 2024-01-31")).toHaveLength(2);
    expect(requests.some((r) => r.method === "POST")).toBe(false);
  });

  it("prefills from the address: the strategy's parameter inputs at their values, the symbol's interval and range", async () => {
    api();
    renderWithProviders(<BacktestForm prefill={{ strategy_id: STRATEGY.id, symbol: "AAPL", parameters: { fast: 5 } }} />);
    const fast = await screen.findByLabelText("fast");
    await waitFor(() => expect(fast).toHaveValue(5));
    expect(fast).toHaveAttribute("min", "2");
    expect(fast).toHaveAttribute("max", "100");
    expect(screen.getByLabelText("slow")).toHaveValue(30);
    expect(screen.getByText("3 – 300 · step 1 · default 30")).toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText("Start date")).toHaveValue("2013-01-02"));
    expect(screen.getByLabelText("End date")).toHaveValue("2013-12-31");
    expect(
      screen.getByText("Data from 2013-01-02 to 2013-12-31 · 252 bars. Dates are days in the symbol's time zone."),
    ).toBeInTheDocument();
    expect(screen.getByLabelText("Initial capital")).toHaveValue("10,000");
    expect(screen.getByText("Zero-commission broker: SEC and FINRA fees on sells, a spread as slippage.")).toBeInTheDocument();
  });

  it("checks each parameter against its range and the dates against each other", async () => {
    const { requests } = api();
    const { user } = renderWithProviders(<BacktestForm prefill={{ strategy_id: STRATEGY.id, symbol: "AAPL" }} />);
    const fast = await screen.findByLabelText("fast");
    await waitFor(() => expect(fast).toHaveValue(10));
    await user.clear(fast);
    await user.type(fast, "500");
    await user.clear(screen.getByLabelText("End date"));
    await user.type(screen.getByLabelText("End date"), "2012-12-31");
    await user.clear(screen.getByLabelText("Initial capital"));
    await user.type(screen.getByLabelText("Initial capital"), "0");
    await user.click(screen.getAllByRole("button", { name: "Run backtest" })[0]!);
    expect(await screen.findByText("Between 2 and 100")).toBeInTheDocument();
    expect(screen.getByText("Must not be before the start date")).toBeInTheDocument();
    expect(screen.getByText("Must be above 0")).toBeInTheDocument();
    expect(fast).toHaveAttribute("aria-invalid", "true");
    expect(requests.some((r) => r.method === "POST")).toBe(false);
  });

  it("starts one run for a double click, the button showing that it is on its way", async () => {
    let created = 0;
    let answer: (response: Response) => void = () => {};
    api(() => {
      created += 1;
      return new Promise<Response>((resolve) => (answer = resolve)) as unknown as Response;
    });
    const { user } = renderWithProviders(<BacktestForm prefill={{ strategy_id: STRATEGY.id, symbol: "AAPL" }} />);
    await waitFor(() => expect(screen.getByLabelText("Start date")).toHaveValue("2013-01-02"));
    await waitFor(() => expect(screen.getByLabelText("fast")).toHaveValue(10));
    const submit = screen.getByTestId("run-backtest");
    await user.dblClick(submit);
    await user.click(screen.getByTestId("run-backtest-bottom"));
    await waitFor(() => expect(created).toBe(1));
    expect(submit).toBeDisabled();
    expect(submit).toHaveAttribute("aria-busy", "true");
    answer(json(202, { id: "run-1", status: "pending", progress: 0 }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(created).toBe(1);
  });

  it("can be sent again after the API refused it", async () => {
    let created = 0;
    api(() => {
      created += 1;
      return json(429, { type: "/problems/too-many-runs", title: "Too many runs", status: 429, detail: "3 runs at once" });
    });
    const { user } = renderWithProviders(<BacktestForm prefill={{ strategy_id: STRATEGY.id, symbol: "AAPL" }} />);
    await waitFor(() => expect(screen.getByLabelText("fast")).toHaveValue(10));
    await user.click(screen.getByTestId("run-backtest"));
    expect(await screen.findByTestId("form-errors")).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId("run-backtest")).toBeEnabled());
    await user.click(screen.getByTestId("run-backtest"));
    await waitFor(() => expect(created).toBe(2));
  });

  it("sends the run as the API expects it", async () => {
    let sent: Record<string, unknown> | undefined;
    api((body) => {
      sent = body;
      return json(202, { id: "run-1", status: "pending", progress: 0 });
    });
    const { user } = renderWithProviders(<BacktestForm prefill={{ strategy_id: STRATEGY.id, symbol: "AAPL" }} />);
    await waitFor(() => expect(screen.getByLabelText("Start date")).toHaveValue("2013-01-02"));
    await waitFor(() => expect(screen.getByLabelText("fast")).toHaveValue(10));
    await user.click(screen.getAllByRole("button", { name: "Run backtest" })[0]!);
    await waitFor(() => expect(sent).toBeDefined());
    expect(sent).toEqual({
      strategy_id: STRATEGY.id,
      symbol: "AAPL",
      interval: "1d",
      start_date: "2013-01-02",
      end_date: "2013-12-31",
      initial_capital: 10000,
      parameters: { fast: 10, slow: 30 },
      costs: { preset: "us" },
      sizing: { type: "fraction_of_equity", value: 1 },
      fill: "next_open",
      allow_short: false,
      close_at_end: false,
      risk_free_rate: 0,
      price_adjustment: "split_adjusted",
      dividends: "cash",
    });
  });

  it("measures the run against a picked benchmark, puts the API's error about it on its field, and clears it", async () => {
    const sent: Record<string, unknown>[] = [];
    api((body) => {
      sent.push(body);
      return sent.length === 1
        ? json(422, {
            type: "/problems/validation-failed",
            title: "Unprocessable request",
            status: 422,
            errors: [{ field: "benchmark", message: "no 1d bars of AAPL between 2013-01-02 and 2013-12-31" }],
          })
        : json(202, { id: "run-1", status: "pending", progress: 0 });
    });
    const { user } = renderWithProviders(<BacktestForm prefill={{ strategy_id: STRATEGY.id, symbol: "AAPL" }} />);
    await waitFor(() => expect(screen.getByLabelText("fast")).toHaveValue(10));
    await waitFor(() => expect(screen.getByLabelText("Start date")).toHaveValue("2013-01-02"));
    const benchmark = screen.getByRole("combobox", { name: "Benchmark (optional)" });
    await user.type(benchmark, "aap");
    await user.keyboard("{Enter}");
    expect(benchmark).toHaveValue("AAPL");

    await user.click(screen.getAllByRole("button", { name: "Run backtest" })[0]!);
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ symbol: "AAPL", benchmark: "AAPL" });
    expect(await screen.findByText("no 1d bars of AAPL between 2013-01-02 and 2013-12-31")).toBeInTheDocument();
    expect(benchmark).toHaveAttribute("aria-invalid", "true");

    await user.click(screen.getByRole("button", { name: "No benchmark" }));
    expect(benchmark).toHaveValue("");
    await user.click(screen.getAllByRole("button", { name: "Run backtest" })[0]!);
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[1]).not.toHaveProperty("benchmark");
  });

  it("puts the API's 422 field errors on the fields, and the rest above the form", async () => {
    api(() =>
      json(422, {
        type: "/problems/validation-failed",
        title: "Unprocessable request",
        status: 422,
        errors: [
          { field: "parameters.slow", message: "slow must be between 3 and 300, got 301" },
          { field: "start_date", message: "no 1d bars of AAPL between 2015-01-01 and 2015-01-31" },
          { field: "parameters", message: "unknown parameter zz for this strategy" },
        ],
      }),
    );
    const { user } = renderWithProviders(<BacktestForm prefill={{ strategy_id: STRATEGY.id, symbol: "AAPL" }} />);
    await waitFor(() => expect(screen.getByLabelText("fast")).toHaveValue(10));
    await waitFor(() => expect(screen.getByLabelText("Start date")).toHaveValue("2013-01-02"));
    await user.click(screen.getAllByRole("button", { name: "Run backtest" })[0]!);
    expect(await screen.findByText("slow must be between 3 and 300, got 301")).toBeInTheDocument();
    expect(screen.getByLabelText("slow")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByText("no 1d bars of AAPL between 2015-01-01 and 2015-01-31")).toBeInTheDocument();
    expect(screen.getByTestId("form-errors")).toHaveTextContent("parameters: unknown parameter zz for this strategy");
  });
});

describe("the new-backtest form with several symbols", () => {
  const KRW = { ...AAPL, symbol: "005930.KS", name: "Samsung", market: "KRX", currency: "KRW", time_zone: "Asia/Seoul" };

  function portfolioApi(onCreate: (body: Record<string, unknown>) => Response) {
    return stubApi((request, url) => {
      if (url.pathname === "/api/v1/strategies")
        return json(200, { items: [STRATEGY], page: 0, size: 100, total_items: 1, total_pages: 1 });
      if (url.pathname === "/api/v1/data/symbols") return json(200, [AAPL, KRW]);
      if (url.pathname === "/api/v1/universes") return json(200, { items: [], page: 0, size: 100, total_items: 0, total_pages: 0 });
      if (url.pathname === "/api/v1/backtests" && request.method === "POST") {
        return request.json().then((body) => onCreate(body as Record<string, unknown>));
      }
      return undefined;
    });
  }

  it("asks for an FX series for the foreign currency, then sends the portfolio request", async () => {
    const bodies: Record<string, unknown>[] = [];
    portfolioApi((body) => {
      bodies.push(body);
      return json(202, { id: "run-1", status: "pending", progress: 0 });
    });
    const { user } = renderWithProviders(
      <BacktestForm prefill={{ strategy_id: STRATEGY.id, symbols: ["005930.KS", "AAPL"], rebalance: "monthly" }} />,
    );
    // The first symbol decides the base currency (KRW), so AAPL's USD needs a series.
    const fx = await screen.findByTestId("fx-USD");
    await waitFor(() => expect(screen.getByLabelText("Start date")).toHaveValue("2013-01-02"));
    await user.click(screen.getAllByRole("button", { name: "Run backtest" })[0]!);
    expect(await screen.findByText("USD needs an FX series: a stored series quoting one USD in the base currency")).toBeInTheDocument();
    expect(bodies).toHaveLength(0);

    await user.type(fx, "AAPL");
    await user.keyboard("{Enter}");
    await user.click(screen.getAllByRole("button", { name: "Run backtest" })[0]!);
    await waitFor(() => expect(bodies).toHaveLength(1));
    expect(bodies[0]).toMatchObject({ symbols: ["005930.KS", "AAPL"], rebalance: "monthly", fx: { USD: "AAPL" } });
    expect(bodies[0]).not.toHaveProperty("symbol");
    // Preset costs are left to each symbol's market.
    expect(bodies[0]).not.toHaveProperty("costs");
  });

  it("puts the API's refusal of a symbol and of an FX series on their fields", async () => {
    portfolioApi(() =>
      json(422, {
        type: "/problems/validation-failed",
        title: "Unprocessable request",
        status: 422,
        errors: [
          { field: "symbols", message: "no 1d bars of SYN-X between 2013-01-02 and 2013-12-31" },
          { field: "rebalance", message: "rebalance must be every_bar, weekly, monthly, quarterly or drift:<band>" },
        ],
      }),
    );
    const { user } = renderWithProviders(<BacktestForm prefill={{ strategy_id: STRATEGY.id, symbols: ["AAPL"] }} />);
    await waitFor(() => expect(screen.getByLabelText("Start date")).toHaveValue("2013-01-02"));
    await user.click(screen.getAllByRole("button", { name: "Run backtest" })[0]!);
    expect(await screen.findByText("no 1d bars of SYN-X between 2013-01-02 and 2013-12-31")).toBeInTheDocument();
    expect(screen.getByText("rebalance must be every_bar, weekly, monthly, quarterly or drift:<band>")).toBeInTheDocument();
    expect(screen.queryByTestId("form-errors")).not.toBeInTheDocument();
  });
});
