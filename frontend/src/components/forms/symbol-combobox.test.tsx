import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { filterSymbols, preferOwnUploads, SymbolCombobox } from "./symbol-combobox";
import { setLanguage } from "@/lib/i18n";
import { aaplSample, symbolView } from "@/test/fixtures";

const SYMBOLS = [
  aaplSample(),
  symbolView({
    symbol: "BTCUSD.BITSTAMP",
    name: "Bitcoin / US dollar (Bitstamp)",
    market: "CUSTOM",
    currency: "USD",
    time_zone: "UTC",
    intervals: [
      { interval: "1m", first_bar: "2013-11-25T00:00:00Z", last_bar: "2013-12-01T16:02:00Z", bar_count: 9399, price_basis: "raw" },
    ],
  }),
];

describe("the symbol search", () => {
  it("matches code or name, exact codes first", () => {
    expect(filterSymbols(SYMBOLS, "bitcoin").map((s) => s.symbol)).toEqual(["BTCUSD.BITSTAMP"]);
    expect(filterSymbols(SYMBOLS, "").map((s) => s.symbol)).toEqual(["AAPL", "BTCUSD.BITSTAMP"]);
    expect(filterSymbols([symbolView({ symbol: "AAPLX" }), symbolView({ symbol: "AAPL" })], "aapl").map((s) => s.symbol)).toEqual([
      "AAPL",
      "AAPLX",
    ]);
  });

  it("offers a symbol once, as a run reads it by default: your own upload when you have one", () => {
    const own = aaplSample({ dataset: "own", source: "csv" });
    expect(preferOwnUploads([...SYMBOLS, own])).toEqual([SYMBOLS[1], own]);
    expect(preferOwnUploads(SYMBOLS)).toEqual(SYMBOLS);
  });

  it("shows each symbol's intervals with first and last bar (in its zone) and count, and picks with the keyboard", async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<SymbolCombobox symbols={SYMBOLS} value="" onChange={onChange} aria-label="Symbol" />);
    const input = screen.getByRole("combobox", { name: "Symbol" });
    await user.type(input, "b");
    const options = screen.getAllByRole("option");
    expect(options).toHaveLength(1);
    expect(options[0]).toHaveTextContent("BTCUSD.BITSTAMP");
    expect(options[0]).toHaveTextContent("2013-11-25 00:00 → 2013-12-01 16:02");
    expect(options[0]).toHaveTextContent("9,399 bars");
    await user.clear(input);
    await user.type(input, "a");
    expect(screen.getAllByRole("option")[0]).toHaveTextContent("2013-01-02 → 2013-12-31");
    await user.keyboard("{ArrowDown}{ArrowUp}{Enter}");
    expect(onChange).toHaveBeenCalledWith(expect.objectContaining({ symbol: "AAPL" }));
    expect(screen.queryByRole("listbox")).not.toBeInTheDocument();
  });

  it("says when nothing matches", async () => {
    const user = userEvent.setup();
    render(<SymbolCombobox symbols={SYMBOLS} value="" onChange={() => {}} aria-label="Symbol" />);
    await user.type(screen.getByRole("combobox"), "zzz");
    expect(screen.getByText("No symbol matches. Add data on the Market data page.")).toBeInTheDocument();
  });

  it("tells the form field it was left, as a form input does", async () => {
    const user = userEvent.setup();
    const onBlur = vi.fn();
    render(<SymbolCombobox symbols={SYMBOLS} value="" onChange={() => {}} onBlur={onBlur} aria-label="Symbol" />);
    await user.click(screen.getByRole("combobox"));
    await user.tab();
    expect(onBlur).toHaveBeenCalledTimes(1);
  });

  it("finds a KRX symbol by its Korean name and shows it with its board in Korean", async () => {
    const samsung = symbolView({ symbol: "005930", name: "Samsung Electronics", name_ko: "삼성전자", market: "KRX", board: "kospi" });
    expect(filterSymbols([...SYMBOLS, samsung], "삼성").map((s) => s.symbol)).toEqual(["005930"]);
    act(() => setLanguage("ko"));
    try {
      const user = userEvent.setup();
      render(<SymbolCombobox symbols={[samsung]} value="" onChange={vi.fn()} aria-label="Symbol" />);
      await user.type(screen.getByRole("combobox", { name: "Symbol" }), "삼성");
      const option = screen.getByRole("option");
      expect(option).toHaveTextContent("삼성전자");
      expect(option).toHaveTextContent("코스피");
    } finally {
      act(() => setLanguage("en"));
    }
  });
});
