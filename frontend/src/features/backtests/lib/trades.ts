import type { SchemaRoundTrip, SchemaRunResult } from "@/lib/api/schema";

/** One round trip of a run, numbered from 1; the position still open at the end is the last, marked open. */
export interface TradeRow extends SchemaRoundTrip {
  number: number;
  open: boolean;
}

export function tradeRows(result: SchemaRunResult | null | undefined): TradeRow[] {
  const rows: TradeRow[] = (result?.trades ?? []).map((trade, i) => ({ ...trade, number: i + 1, open: false }));
  if (result?.open_trade) rows.push({ ...result.open_trade, number: rows.length + 1, open: true });
  return rows;
}

const CSV_COLUMNS: (keyof TradeRow)[] = [
  "number",
  "side",
  "quantity",
  "entry_time",
  "entry_price",
  "exit_time",
  "exit_price",
  "pnl",
  "return_pct",
  "costs",
  "mae",
  "mfe",
  "bars_held",
  "exit_reason",
  "open",
];

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The round trips as CSV for a spreadsheet: raw values (UTC ISO times, fractions, full precision),
 * one header row, CRLF line ends (RFC 4180).
 */
export function tradesCsv(rows: readonly TradeRow[]): string {
  const lines = [CSV_COLUMNS.join(",")];
  for (const row of rows) lines.push(CSV_COLUMNS.map((column) => csvCell(row[column])).join(","));
  return `${lines.join("\r\n")}\r\n`;
}
