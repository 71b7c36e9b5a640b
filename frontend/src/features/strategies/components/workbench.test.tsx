import { screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { aaplSample, strategyParameter } from "@/test/fixtures";
import { json, renderWithProviders, stubApi } from "@/test/render";
import type { PreviewRequest } from "../api/preview-backtest";
import { Workbench } from "./workbench";

// The canvas chart needs a real browser (the e2e draws it); here it only says what it was given.
vi.mock("@/components/charts/candle-chart", () => ({
  CandleChart: ({ candles, markers, plots }: { candles: unknown[]; markers: unknown[]; plots?: { series: { title: string }[] } }) => (
    <p data-testid="candle-chart">
      {candles.length} candles, {markers.length} markers, plots: {(plots?.series ?? []).map((s) => s.title).join(", ")}
    </p>
  ),
}));

// recharts measures its container, which jsdom does not lay out.
vi.mock("./preview-equity", () => ({ PreviewEquity: () => <p data-testid="preview-equity" /> }));

const CODE = 'param fast = 10 in 2..50\nplot("SMA fast", sma(close, fast))';
const PARAMETERS = [strategyParameter({ name: "fast", default: 10, min: 2, max: 50, step: 1 })];
const DAY = 86_400_000;
const T0 = Date.UTC(2013, 0, 2, 5);

function workbenchApi(note: "limit_locked" | "halted" | null = null) {
  const previews: PreviewRequest[] = [];
  const runs: unknown[] = [];
  const api = stubApi(async (request, url) => {
    if (url.pathname === "/api/v1/data/symbols") return json(200, [aaplSample()]);
    if (url.pathname === "/api/v1/data/historical") {
      const bars = [0, 1, 2].map((i) => ({
        time: new Date(T0 + i * DAY).toISOString(),
        open: 1,
        high: 2,
        low: 0.5,
        close: 1.5,
        volume: 1,
      }));
      return json(200, { bars, bar_interval: "1d", time_zone: "America/New_York", next_cursor: null });
    }
    if (url.pathname === "/api/v1/backtests/preview") {
      const body = (await request.json()) as PreviewRequest;
      previews.push(body);
      const fast = body.parameters.fast!;
      return json(200, {
        result: {
          metrics: { total_return: fast / 100, trade_count: 1 },
          equity: { time: [T0], equity: [10_000], drawdown: [0], buy_and_hold: [10_000], total_points: 1 },
        },
        fills: [{ timestamp: new Date(T0 + DAY).toISOString(), type: "buy", price: 1, quantity: 1, bar_index: 1, note }],
        fills_truncated: false,
        parameters: { fast },
        settings: { currency: "USD", time_zone: "America/New_York" },
        plots: {
          time: [T0, T0 + DAY],
          series: [{ title: "SMA fast", color: null, style: "line", pane: "price", values: [null, 1.2] }],
          total_points: 2,
        },
        engine_ms: 4,
        data_fingerprint: "f",
      });
    }
    if (url.pathname === "/api/v1/backtests" && request.method === "POST") {
      runs.push(await request.json());
      return json(202, { id: "run-9", status: "pending", progress: 0 });
    }
    return undefined;
  });
  return { ...api, previews, runs };
}

afterEach(() => vi.unstubAllGlobals());

describe("the workbench", () => {
  it("previews the code on AAPL's range at once, then once more per settled change of a parameter", async () => {
    const api = workbenchApi();
    const { user } = renderWithProviders(
      <Workbench code={CODE} parameters={PARAMETERS} codeState="ok" strategyId="s-1" unsaved={false} save={vi.fn()} />,
    );
    expect(await screen.findByText("+10.00%")).toBeInTheDocument();
    expect(api.previews).toHaveLength(1);
    expect(api.previews[0]).toMatchObject({
      symbol: "AAPL",
      interval: "1d",
      start_date: "2013-01-02",
      end_date: "2013-12-31",
      parameters: { fast: 10 },
    });
    expect(screen.getByTestId("preview-badge")).toHaveTextContent("Preview · not saved");
    expect(await screen.findByText("3 candles, 1 markers, plots: SMA fast")).toBeInTheDocument();
    expect(screen.getByTestId("plot-legend")).toHaveTextContent("SMA fast");
    expect(screen.getByTestId("preview-timing")).toHaveTextContent(/engine 4 ms · end to end \d+ ms/);

    // Three quick steps of the slider settle into one preview of the last value.
    screen.getByRole("slider", { name: "fast" }).focus();
    await user.keyboard("{ArrowRight}{ArrowRight}{ArrowRight}");
    expect(await screen.findByText("+13.00%")).toBeInTheDocument();
    expect(api.previews.map((p) => p.parameters.fast)).toEqual([10, 13]);
  });

  it("says under the chart which fills waited, and why", async () => {
    workbenchApi("halted");
    const { user } = renderWithProviders(
      <Workbench code={CODE} parameters={PARAMETERS} codeState="ok" strategyId="s-1" unsaved={false} save={vi.fn()} />,
    );
    const waited = await screen.findByTestId("waited-fills");
    expect(waited).toHaveTextContent("Fills that waited:Halted×1");
    await user.hover(screen.getByTestId("fill-note-halted"));
    expect((await screen.findAllByText(/Trading was halted on this bar/)).length).toBeGreaterThan(0);
  });

  it("has no waited-fills line when every fill filled at once", async () => {
    workbenchApi();
    renderWithProviders(<Workbench code={CODE} parameters={PARAMETERS} codeState="ok" strategyId="s-1" unsaved={false} save={vi.fn()} />);
    expect(await screen.findByText("3 candles, 1 markers, plots: SMA fast")).toBeInTheDocument();
    expect(screen.queryByTestId("waited-fills")).not.toBeInTheDocument();
  });

  it("previews nothing while the code does not compile, and says so", async () => {
    const api = workbenchApi();
    renderWithProviders(
      <Workbench code={null} parameters={PARAMETERS} codeState="invalid" strategyId="s-1" unsaved={false} save={vi.fn()} />,
    );
    expect(await screen.findByText("The code has problems: fix them and the preview updates.")).toBeInTheDocument();
    await screen.findByRole("spinbutton", { name: "fast" });
    expect(api.previews).toHaveLength(0);
    expect(screen.getByTestId("keep-preview")).toBeDisabled();
  });

  it("keeps the preview: saves the changed strategy, then stores the run and links to it", async () => {
    const api = workbenchApi();
    const order: string[] = [];
    const save = vi.fn(async () => {
      order.push(`save, ${api.runs.length} runs`);
      return "s-1";
    });
    const { user } = renderWithProviders(
      <Workbench code={CODE} parameters={PARAMETERS} codeState="ok" strategyId="s-1" unsaved save={save} />,
    );
    await screen.findByText("+10.00%");
    await user.click(screen.getByTestId("keep-preview"));
    expect(await screen.findByTestId("kept-run-link")).toHaveAttribute("href", "/backtests/run-9");
    expect(order).toEqual(["save, 0 runs"]);
    expect(api.runs).toEqual([
      {
        strategy_id: "s-1",
        symbol: "AAPL",
        interval: "1d",
        start_date: "2013-01-02",
        end_date: "2013-12-31",
        initial_capital: 10_000,
        parameters: { fast: 10 },
      },
    ]);
    await waitFor(() => expect(api.previews).toHaveLength(1));
  });
});
