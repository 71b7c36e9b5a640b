import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { json, renderWithProviders, stubApi } from "@/test/render";
import { roundTrip } from "@/test/fixtures";
import type { SchemaRoundTripItem } from "@/lib/api/schema";
import type { TradeRow } from "../lib/trades";
import { TradesTable } from "./trades-table";

const PATH = "/api/v1/backtests/run-1/round-trips";

const trade = (i: number, pnl: number): SchemaRoundTripItem => ({
  ...roundTrip({
    side: i % 5 === 0 ? "short" : "long",
    quantity: 10 + i,
    entry_time: `2013-03-${String((i % 28) + 1).padStart(2, "0")}T05:00:00Z`,
    entry_price: 400 + i,
    exit_time: `2013-04-${String((i % 28) + 1).padStart(2, "0")}T04:00:00Z`,
    exit_price: 400 + i + pnl / 10,
    pnl,
    return_pct: pnl / 4000,
    mae: -0.01,
    mfe: 0.02,
    bars_held: 9,
  }),
  symbol: "AAPL",
  number: i,
  entry_note: null,
  exit_note: null,
  run_up: 0.02 * (400 + i) * (10 + i),
  drawdown: -0.01 * (400 + i) * (10 + i),
  cumulative_pnl: 1000 + pnl * i,
  cumulative_pnl_pct: (1000 + pnl * i) / 100_000,
});

/** The API's round trips: `all` paged as asked, `side`/`outcome` filtered as the server would. */
function tripsApi(all: SchemaRoundTripItem[]) {
  return stubApi((_, url) => {
    if (url.pathname === "/api/v1/backtests/run-1/trades")
      return new Response("timestamp,type\n", { status: 200, headers: { "Content-Type": "text/csv" } });
    if (url.pathname !== PATH) return undefined;
    const q = url.searchParams;
    if (q.get("format") === "csv") return new Response("number,side\n", { status: 200, headers: { "Content-Type": "text/csv" } });
    const shown = all
      .filter((t) => !q.get("side") || t.side === q.get("side"))
      .filter((t) => !q.get("outcome") || (q.get("outcome") === "win" ? t.pnl > 0 : t.pnl < 0));
    const page = Number(q.get("page") ?? 0);
    const size = Number(q.get("size") ?? 100);
    return json(200, {
      items: shown.slice(page * size, (page + 1) * size),
      page,
      size,
      total_items: shown.length,
      total_pages: Math.ceil(shown.length / size),
    });
  });
}

function renderTable(openTrade: TradeRow | null = null, accountCosts?: { funding: boolean; borrow: boolean; dividends?: boolean }) {
  return renderWithProviders(
    <TradesTable
      accountCosts={accountCosts}
      runId="run-1"
      openTrade={openTrade}
      currency="USD"
      timeZone="America/New_York"
      interval="1d"
      tickSize={0.01}
      fileStem="AAPL-1d"
    />,
  );
}

const bodyRows = () =>
  within(screen.getByRole("table", { name: "Trades" }))
    .getAllByRole("row")
    .slice(1);

const lastQuery = (requests: Request[]) => new URL(requests.filter((r) => new URL(r.url).pathname === PATH).at(-1)!.url).searchParams;

afterEach(() => vi.unstubAllGlobals());

describe("the trades table", () => {
  it("shows a page of round trips from the API in the symbol's zone and currency, the open one last", async () => {
    const { requests } = tripsApi([trade(1, -820.68)]);
    renderTable({ ...trade(2, 1340.28), exit_reason: "end_of_data", open: true });
    expect(await screen.findByText("-$820.68")).toBeInTheDocument();
    const [first, open] = bodyRows();
    expect(open).toHaveTextContent("Open");
    expect(open).toHaveTextContent("End of data");
    expect(open).toHaveTextContent("$1,340.28");
    expect(first).toHaveTextContent("2013-03-02");
    expect(first).toHaveTextContent("401.00");
    expect(first).toHaveTextContent("Signal");
    expect(screen.getByText("1 round trip")).toBeInTheDocument();
    expect(lastQuery(requests).get("size")).toBe("25");
    expect(lastQuery(requests).get("page")).toBe("0");
  });

  it("asks the API for the next page rather than holding every round trip", async () => {
    const { requests } = tripsApi(Array.from({ length: 60 }, (_, i) => trade(i + 1, i)));
    const { user } = renderTable();
    expect(await screen.findByText("1–25 of 60")).toBeInTheDocument();
    expect(bodyRows()).toHaveLength(25);
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(await screen.findByText("26–50 of 60")).toBeInTheDocument();
    expect(lastQuery(requests).get("page")).toBe("1");
    await waitFor(() => expect(within(bodyRows()[0]!).getAllByRole("cell")[0]).toHaveTextContent("26"));
  });

  it("filters by exit dates in the API, from the first page, without the open position", async () => {
    const { requests } = tripsApi([trade(1, 10), trade(2, -5)]);
    const { user } = renderTable({ ...trade(3, 1), open: true });
    await screen.findByText("2 round trips");
    await user.type(screen.getByLabelText("Exited on or after"), "2013-04-01");
    await user.type(screen.getByLabelText("Exited on or before"), "2013-04-30");
    await waitFor(() => expect(lastQuery(requests).get("to")).toBe("2013-04-30"));
    expect(lastQuery(requests).get("from")).toBe("2013-04-01");
    expect(lastQuery(requests).get("page")).toBe("0");
    expect(await screen.findByText("2 matching round trips")).toBeInTheDocument();
    expect(bodyRows()).toHaveLength(2);
    await user.click(screen.getByRole("button", { name: "Clear filters" }));
    await waitFor(() => expect(bodyRows()).toHaveLength(3));
    expect(screen.getByText("2 round trips")).toBeInTheDocument();
  });

  it("filters by side and outcome in the API, and says when nothing matches", async () => {
    const { requests } = tripsApi([trade(1, 10), trade(2, -5)]);
    const { user } = renderTable();
    await screen.findByText("2 round trips");
    await user.click(screen.getByRole("combobox", { name: "Side" }));
    await user.click(await screen.findByRole("option", { name: "Short" }));
    await waitFor(() => expect(lastQuery(requests).get("side")).toBe("short"));
    expect(await screen.findByText("No matching trades")).toBeInTheDocument();
    await user.click(screen.getByRole("combobox", { name: "Side" }));
    await user.click(await screen.findByRole("option", { name: "Both sides" }));
    await user.click(screen.getByRole("combobox", { name: "Outcome" }));
    await user.click(await screen.findByRole("option", { name: "Wins" }));
    await waitFor(() => expect(lastQuery(requests).get("outcome")).toBe("win"));
    expect(lastQuery(requests).has("side")).toBe(false);
    expect(await screen.findByText("1 matching round trip")).toBeInTheDocument();
  });

  it("downloads the filtered round trips and every fill as the API's CSV, with the bearer token", async () => {
    const { requests } = tripsApi([trade(1, 10)]);
    URL.createObjectURL = vi.fn(() => "blob:csv");
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => {});
    const { user } = renderTable();
    await screen.findByText("1 round trip");
    await user.type(screen.getByLabelText("Exited on or after"), "2013-04-01");
    await user.click(screen.getByRole("button", { name: "Export CSV" }));
    await vi.waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    const csv = new URL(requests.at(-1)!.url);
    expect(csv.pathname).toBe(PATH);
    expect(csv.searchParams.get("format")).toBe("csv");
    expect(csv.searchParams.get("from")).toBe("2013-04-01");
    await user.click(screen.getByRole("button", { name: "Fills CSV" }));
    await vi.waitFor(() => expect(click).toHaveBeenCalledTimes(2));
    expect(new URL(requests.at(-1)!.url).pathname).toBe("/api/v1/backtests/run-1/trades");
    click.mockRestore();
  });

  it("shows the dividends each trade received in its details when the run was paid any", async () => {
    tripsApi([{ ...trade(1, 10), dividends: 12.5 }, trade(2, -5)]);
    const { user } = renderTable(null, { funding: false, borrow: false, dividends: true });
    await screen.findByText("2 round trips");
    await user.click(screen.getByRole("button", { name: "Show details of trade 1" }));
    const details = screen.getByTestId("trade-details");
    expect(within(details).getByText("Dividends")).toBeInTheDocument();
    expect(details).toHaveTextContent("$12.50");
  });

  it("shows each trade's cumulative P&L, run-up and drawdown in money and as fractions", async () => {
    tripsApi([{ ...trade(1, 10), run_up: 80.2, mfe: 0.02, drawdown: -40.1, mae: -0.01, cumulative_pnl: -25, cumulative_pnl_pct: -0.0025 }]);
    renderTable();
    await screen.findByText("1 round trip");
    for (const name of ["Cum. P&L", "Run-up", "Drawdown"]) expect(screen.getByRole("columnheader", { name })).toBeInTheDocument();
    const [row] = bodyRows();
    expect(row).toHaveTextContent("-$25.00");
    expect(row).toHaveTextContent("-0.25%");
    expect(within(row!).getByText("$80.20")).toHaveClass("text-gain");
    expect(row).toHaveTextContent("+2.00%");
    expect(within(row!).getByText("-$40.10")).toHaveClass("text-loss");
    expect(row).toHaveTextContent("-1.00%");
  });

  it("keeps side, P&L and return first and always shown, the rest joining as the page widens", async () => {
    tripsApi([trade(1, 10)]);
    renderTable();
    await screen.findByText("1 round trip");
    const headers = screen.getAllByRole("columnheader");
    expect(headers.slice(0, 6).map((h) => h.textContent)).toEqual(["#", "Side", "P&L", "Return", "Entry", "Exit"]);
    for (const header of headers.slice(0, 6)) expect(header.className).not.toMatch(/\bhidden\b/);
    expect(screen.getByRole("columnheader", { name: "Run-up" }).className).toMatch(/hidden xl:table-cell/);
    expect(headers[0]!.className).toMatch(/sticky/);
  });

  it("opens and closes a trade's details row with every figure", async () => {
    tripsApi([trade(1, 10), trade(2, -5)]);
    const { user } = renderTable();
    await screen.findByText("2 round trips");
    const toggle = screen.getByRole("button", { name: "Show details of trade 2" });
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    await user.click(toggle);
    expect(screen.getByRole("button", { name: "Hide details of trade 2" })).toHaveAttribute("aria-expanded", "true");
    const details = screen.getByTestId("trade-details");
    for (const label of ["Entry price", "Exit price", "Quantity", "Costs", "Bars", "Exit reason"]) {
      expect(within(details).getByText(label)).toBeInTheDocument();
    }
    await user.click(screen.getByRole("button", { name: "Hide details of trade 2" }));
    expect(screen.queryByTestId("trade-details")).not.toBeInTheDocument();
  });

  it("marks a round trip whose entry waited through a halt or whose exit waited on a limit-locked day", async () => {
    tripsApi([{ ...trade(1, 10), entry_note: "halted" }, { ...trade(2, -5), exit_note: "limit_locked" }, trade(3, 1)]);
    renderTable();
    await screen.findByText("3 round trips");
    const [first, second, third] = bodyRows();
    expect(within(first!).getByTestId("fill-note-halted")).toBeInTheDocument();
    expect(within(second!).getByTestId("fill-note-limit_locked")).toBeInTheDocument();
    expect(within(third!).queryByTestId(/fill-note-/)).not.toBeInTheDocument();
  });

  it("has no dividends column for a run paid none", async () => {
    tripsApi([trade(1, 10)]);
    renderTable();
    await screen.findByText("1 round trip");
    expect(screen.queryByRole("columnheader", { name: "Dividends" })).not.toBeInTheDocument();
  });
});
