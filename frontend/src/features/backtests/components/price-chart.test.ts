import { describe, expect, it } from "vitest";
import type { TradeRow } from "../lib/trades";
import { LABELLED_TRADES, tradeMarkers } from "./price-chart";
import { roundTrip } from "@/test/fixtures";

const COLORS = { long: "green", short: "red", exit: "blue" };
const LABELS = { buy: "Buy", sell: "Sell", short: "Short", cover: "Cover" };
const trade = (n: number, side: string, entry: string, exit: string, open = false): TradeRow => ({
  ...roundTrip({ side, entry_time: entry, exit_time: exit }),
  symbol: "AAPL",
  number: n,
  open,
});

describe("trade markers on the price chart", () => {
  // Hourly bars (resampled) from 00:00 UTC.
  const bars = [0, 1, 2, 3, 4].map((h) => Date.parse(`2013-11-25T0${h}:00:00Z`));

  it("puts each entry and exit on the bar containing it, long below and short above, sorted by time", () => {
    const markers = tradeMarkers(
      [trade(2, "short", "2013-11-25T03:10:00Z", "2013-11-25T04:59:00Z"), trade(1, "long", "2013-11-25T00:30:00Z", "2013-11-25T02:00:00Z")],
      bars,
      "UTC",
      COLORS,
      LABELS,
    );
    expect(markers.map((m) => [m.id, new Date(m.time * 1000).toISOString().slice(11, 16), m.position, m.shape, m.text])).toEqual([
      ["entry-1", "00:00", "belowBar", "arrowUp", "Buy"],
      ["exit-1", "02:00", "aboveBar", "arrowDown", "Sell"],
      ["entry-2", "03:00", "aboveBar", "arrowDown", "Short"],
      ["exit-2", "04:00", "belowBar", "arrowUp", "Cover"],
    ]);
  });

  it("marks no exit for the position still open, and drops words when there are many trades", () => {
    expect(
      tradeMarkers([trade(1, "long", "2013-11-25T01:00:00Z", "2013-11-25T04:00:00Z", true)], bars, "UTC", COLORS, LABELS),
    ).toHaveLength(1);
    const many = Array.from({ length: LABELLED_TRADES + 1 }, (_, i) =>
      trade(i + 1, "long", "2013-11-25T01:00:00Z", "2013-11-25T02:00:00Z"),
    );
    const markers = tradeMarkers(many, bars, "UTC", COLORS, LABELS);
    expect(markers.every((m) => m.text === undefined && m.size === 0.5)).toBe(true);
  });

  it("shows bar times in the symbol's zone", () => {
    const daily = [Date.parse("2013-03-26T04:00:00Z")];
    const [marker] = tradeMarkers([trade(1, "long", "2013-03-26T04:00:00Z", "")], daily, "America/New_York", COLORS, LABELS);
    expect(new Date(marker!.time * 1000).toISOString()).toBe("2013-03-26T00:00:00.000Z");
  });
});
