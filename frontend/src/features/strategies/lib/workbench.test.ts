import { describe, expect, it } from "vitest";
import { aaplSample, strategyParameter, symbolView } from "@/test/fixtures";
import type { PreviewFill } from "../api/preview-backtest";
import { defaultSetup, fillMarkers, fillNoteCounts, parameterValues, previewRequest, recentRange, sliderStep } from "./workbench";

const SETUP = { symbol: "AAPL", interval: "1d", start_date: "2013-01-02", end_date: "2013-12-31", initial_capital: "10000" };

describe("the workbench's setup", () => {
  it("starts on the last ten years of a long range, or all of a short one", () => {
    expect(recentRange({ first: "1990-01-02", last: "2024-06-28" })).toEqual({ first: "2014-06-28", last: "2024-06-28" });
    expect(recentRange({ first: "2013-01-02", last: "2013-12-31" })).toEqual({ first: "2013-01-02", last: "2013-12-31" });
  });

  it("prefers AAPL's daily bars, else the first symbol with bars, with a capital in its currency", () => {
    const btc = symbolView({
      symbol: "KRW-BTC",
      currency: "KRW",
      time_zone: "Asia/Seoul",
      intervals: [
        { interval: "1d", first_bar: "2017-09-24T15:00:00Z", last_bar: "2024-06-27T15:00:00Z", bar_count: 2469, price_basis: "raw" },
      ],
    });
    expect(defaultSetup([btc, aaplSample()])).toEqual(SETUP);
    expect(defaultSetup([symbolView({ symbol: "EMPTY" }), btc])).toEqual({
      symbol: "KRW-BTC",
      interval: "1d",
      start_date: "2017-09-25",
      end_date: "2024-06-28",
      initial_capital: "10000000",
    });
    expect(defaultSetup([symbolView({ symbol: "EMPTY" })])).toBeNull();
  });

  it("previews only a complete setup: a symbol, dates in order and a capital above zero", () => {
    expect(previewRequest("x = 1", SETUP, { fast: 5 }, 500)).toEqual({
      code: "x = 1",
      symbol: "AAPL",
      interval: "1d",
      start_date: "2013-01-02",
      end_date: "2013-12-31",
      initial_capital: 10000,
      parameters: { fast: 5 },
      points: 500,
    });
    expect(previewRequest("x = 1", { ...SETUP, start_date: "2014-01-01" }, {})).toBeNull();
    expect(previewRequest("x = 1", { ...SETUP, initial_capital: "0" }, {})).toBeNull();
    expect(previewRequest("x = 1", { ...SETUP, initial_capital: "ten" }, {})).toBeNull();
    expect(previewRequest("  ", SETUP, {})).toBeNull();
  });
});

describe("parameter controls' values", () => {
  it("steps by the declared step, else by 1 over whole numbers, else by a hundredth of the range", () => {
    expect(sliderStep(strategyParameter({ name: "k", default: 0.5, min: 0.1, max: 1, step: 0.1 }))).toBe(0.1);
    expect(sliderStep(strategyParameter({ name: "fast", default: 10, min: 2, max: 100 }))).toBe(1);
    expect(sliderStep(strategyParameter({ name: "k", default: 0.5, min: 0, max: 2 }))).toBe(0.02);
  });

  it("runs with each declared parameter's chosen value or its default, dropping ones no longer declared", () => {
    const declared = [strategyParameter({ name: "fast", default: 10 }), strategyParameter({ name: "slow", default: 30 })];
    expect(parameterValues(declared, { fast: 5, gone: 3 })).toEqual({ fast: 5, slow: 30 });
  });
});

describe("fill markers", () => {
  const DAY = 86_400_000;
  const candles = [Date.UTC(2013, 0, 2), Date.UTC(2013, 0, 3), Date.UTC(2013, 0, 4)];
  const fill = (day: number, type: string): PreviewFill => ({
    timestamp: new Date(candles[day]!).toISOString(),
    type,
    price: 1,
    quantity: 1,
    bar_index: day,
    note: null,
  });

  it("marks buys under the candle pointing up and sells over it pointing down, in time order", () => {
    const markers = fillMarkers(
      [fill(2, "sell"), fill(0, "buy")],
      candles,
      "UTC",
      { buy: "--gain", sell: "--loss" },
      { buy: "Buy", sell: "Sell" },
    );
    expect(markers).toEqual([
      { time: candles[0]! / 1000, position: "belowBar", shape: "arrowUp", color: "--gain", text: "Buy", size: 1 },
      { time: candles[2]! / 1000, position: "aboveBar", shape: "arrowDown", color: "--loss", text: "Sell", size: 1 },
    ]);
  });

  it("says beside a fill's word why it waited (a limit-locked bar, a halt)", () => {
    const markers = fillMarkers(
      [
        { ...fill(0, "buy"), note: "limit_locked" },
        { ...fill(1, "sell"), note: "halted" },
        { ...fill(2, "buy"), note: null },
      ],
      candles,
      "UTC",
      { buy: "--gain", sell: "--loss" },
      { buy: "Buy", sell: "Sell", notes: { limit_locked: "Limit-locked", halted: "Halted" } },
    );
    expect(markers.map((m) => m.text)).toEqual(["Buy · Limit-locked", "Sell · Halted", "Buy"]);
  });

  it("counts the fills that waited, by why", () => {
    expect(
      fillNoteCounts([
        { ...fill(0, "buy"), note: "limit_locked" },
        { ...fill(1, "sell"), note: "halted" },
        { ...fill(2, "buy"), note: "limit_locked" },
        fill(2, "sell"),
      ]),
    ).toEqual([
      { note: "limit_locked", count: 2 },
      { note: "halted", count: 1 },
    ]);
    expect(fillNoteCounts([fill(0, "buy")])).toEqual([]);
  });

  it("drops the words when there are many fills and skips fills before the first candle", () => {
    const early = { ...fill(0, "buy"), timestamp: new Date(candles[0]! - DAY).toISOString() };
    const markers = fillMarkers(
      [early, fill(1, "buy"), fill(2, "sell")],
      candles,
      "UTC",
      { buy: "g", sell: "l" },
      { buy: "B", sell: "S" },
      1,
    );
    expect(markers.map((m) => [m.time, m.text, m.size])).toEqual([
      [candles[1]! / 1000, undefined, 0.5],
      [candles[2]! / 1000, undefined, 0.5],
    ]);
  });
});
