import { act, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { setLanguage } from "@/lib/i18n";
import { symbolView } from "@/test/fixtures";
import { json, renderWithProviders, stubApi } from "@/test/render";
import { SymbolView } from "./symbol-view";

// The canvas chart is lightweight-charts' business; here it lists the markers it was given.
vi.mock("@/components/charts/candle-chart", () => ({
  CandleChart: ({ candles, markers }: { candles: unknown[]; markers?: { text?: string }[] }) => (
    <div data-testid="candles" data-count={candles.length}>
      {(markers ?? []).map((m, i) => (
        <span key={i}>{m.text}</span>
      ))}
    </div>
  ),
}));

const SAMSUNG = symbolView({
  symbol: "005930",
  name: "Samsung Electronics",
  name_ko: "삼성전자",
  market: "KRX",
  board: "kospi",
  currency: "KRW",
  time_zone: "Asia/Seoul",
  tick_size: 1,
  intervals: [{ interval: "1d", first_bar: "2018-05-02T15:00:00Z", last_bar: "2018-05-04T15:00:00Z", bar_count: 3, price_basis: "raw" }],
});
const IMPORTED_AT = "2026-12-01T00:00:00Z";
const ACTIONS = {
  symbol: "005930",
  dataset: "shared",
  imported: 0,
  actions: [
    { type: "split", date: "2018-05-04", end_date: null, ratio: 50, amount: null, source: "csv", imported_at: IMPORTED_AT },
    { type: "dividend", date: "2018-05-03", end_date: null, ratio: null, amount: 361, source: "yahoo", imported_at: IMPORTED_AT },
  ],
};
const bar = (time: string, close: number) => ({ time, open: close, high: close, low: close, close, volume: 1 });

function api() {
  const patched: unknown[] = [];
  const stub = stubApi(async (request, url) => {
    if (url.pathname === "/api/v1/data/symbols/005930" && request.method === "PATCH") {
      const body = (await request.json()) as { name_ko: string | null; board: string | null };
      patched.push(body);
      return json(200, { ...SAMSUNG, ...body });
    }
    if (url.pathname === "/api/v1/data/symbols/005930") return json(200, SAMSUNG);
    if (url.pathname === "/api/v1/data/symbols/005930/actions") return json(200, ACTIONS);
    if (url.pathname === "/api/v1/data/historical") {
      const raw = url.searchParams.get("adjustment") === "raw";
      return json(200, {
        symbol: "005930",
        dataset: "shared",
        interval: "1d",
        bar_interval: "1d",
        time_zone: "Asia/Seoul",
        bars: [bar("2018-05-02T15:00:00Z", raw ? 2_650_000 : 53_000), bar("2018-05-03T15:00:00Z", 51_900)],
        next_cursor: null,
      });
    }
    return undefined;
  });
  return { ...stub, patched };
}

const historyRequests = (requests: Request[]) =>
  requests.map((r) => new URL(r.url)).filter((u) => u.pathname === "/api/v1/data/historical");

afterEach(() => {
  vi.unstubAllGlobals();
  act(() => setLanguage("en"));
});

describe("a symbol's page", () => {
  it("names the symbol in Korean with its board, and draws its actions on split-adjusted candles", async () => {
    act(() => setLanguage("ko"));
    const { requests } = api();
    renderWithProviders(<SymbolView symbol="005930" admin={false} />);
    expect(await screen.findByTestId("symbol-title")).toHaveTextContent("삼성전자 (005930)");
    expect(screen.getByTestId("symbol-title")).toHaveTextContent("코스피");
    expect(screen.getByTestId("symbol-basis")).toHaveTextContent("원주가");
    const candles = await screen.findByTestId("candles");
    expect(candles).toHaveTextContent("S 50:1");
    expect(candles).toHaveTextContent("D");
    expect(historyRequests(requests).at(-1)!.searchParams.get("adjustment")).toBe("split_adjusted");
    const table = screen.getByTestId("actions-table");
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows[0]).toHaveTextContent("2018-05-04");
    expect(rows[0]).toHaveTextContent("액면분할");
    expect(rows[0]).toHaveTextContent("50:1");
    expect(rows[1]).toHaveTextContent("₩361");
    expect(screen.queryByTestId("symbol-edit")).not.toBeInTheDocument();
  });

  it("reads the candles again in the prices the toggle picks", async () => {
    const { requests } = api();
    const { user } = renderWithProviders(<SymbolView symbol="005930" admin={false} />);
    expect(await screen.findByTestId("symbol-title")).toHaveTextContent("Samsung Electronics (005930)");
    await screen.findByTestId("candles");
    await user.click(screen.getByTestId("chart-adjustment-raw"));
    await waitFor(() => expect(historyRequests(requests).at(-1)!.searchParams.get("adjustment")).toBe("raw"));
    await user.click(screen.getByTestId("chart-adjustment-total_return"));
    await waitFor(() => expect(historyRequests(requests).at(-1)!.searchParams.get("adjustment")).toBe("total_return"));
    expect(screen.getByText(/as if dividends were reinvested/)).toBeInTheDocument();
  });

  it("lets an administrator set the Korean name and board", async () => {
    const { patched } = api();
    const { user } = renderWithProviders(<SymbolView symbol="005930" admin />);
    const name = await screen.findByTestId("edit-name-ko");
    expect(name).toHaveValue("삼성전자");
    await user.clear(name);
    await user.type(name, "삼성전자 보통주");
    await user.click(screen.getByTestId("save-symbol"));
    await waitFor(() => expect(patched).toEqual([{ name_ko: "삼성전자 보통주", board: "kospi" }]));
    expect(await screen.findByText("Saved")).toBeInTheDocument();
  });

  it("says so for a symbol with no stored data", async () => {
    stubApi(() => json(404, { type: "/problems/not-found", title: "Not found", status: 404 }));
    renderWithProviders(<SymbolView symbol="NOPE" admin={false} />);
    expect(await screen.findByText("This symbol has no stored data.")).toBeInTheDocument();
  });
});
