import type { SchemaRoundTripItem, SchemaRunResult } from "@/lib/api/schema";

/**
 * One round trip of a run, numbered from 1 in exit order; the position still open at the end is marked open
 * (it has no symbol of its own: a single-symbol run's open position is of the run's symbol).
 */
export interface TradeRow extends Omit<
  SchemaRoundTripItem,
  "symbol" | "entry_note" | "exit_note" | "run_up" | "drawdown" | "cumulative_pnl" | "cumulative_pnl_pct"
> {
  symbol?: string;
  /** The closed round trip's excursions in money and the run's P&L at its exit; the open position has none yet. */
  run_up?: number;
  drawdown?: number;
  cumulative_pnl?: number;
  cumulative_pnl_pct?: number | null;
  /** Why the entry's or the exit's order waited (a halt, a KRX limit-locked day); none for the open trade. */
  entry_note?: SchemaRoundTripItem["entry_note"];
  exit_note?: SchemaRoundTripItem["exit_note"];
  open: boolean;
}

/**
 * The position still open after the last bar of a single-symbol run (`symbol`), numbered after the
 * closed round trips; null when flat. A portfolio run has no single open trade: its holdings say it.
 */
export function openTradeRow(result: SchemaRunResult | null | undefined, symbol: string): TradeRow | null {
  if (!result?.open_trade) return null;
  return { ...result.open_trade, symbol, number: (result.round_trip_count ?? 0) + 1, open: true };
}
