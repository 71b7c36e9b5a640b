/** The most symbols a universe (and a portfolio run) holds: as UniverseSymbols.MAX_SYMBOLS on the server. */
export const MAX_UNIVERSE_SYMBOLS = 500;

/** A ticker as the platform stores it: as the server's ticker syntax (005930.KS, AAPL, KRW-BTC, BRK/B). */
export const TICKER = /^[A-Za-z0-9][A-Za-z0-9._^=/-]{0,39}$/;

export interface SymbolList {
  /** Valid tickers in the order typed, each once. */
  symbols: string[];
  /** Entries that are not tickers, in the order typed. */
  invalid: string[];
  /** How many repeats were dropped (the first occurrence is kept). */
  duplicates: number;
}

/**
 * Reads a pasted or typed list: tickers separated by commas, semicolons, spaces, tabs or new lines (a
 * column copied from a spreadsheet works as is). Case is kept, as the server keeps it: tickers are
 * case-sensitive.
 */
export function parseSymbolList(text: string): SymbolList {
  const seen = new Set<string>();
  const invalid: string[] = [];
  let duplicates = 0;
  for (const entry of text.split(/[\s,;]+/)) {
    if (!entry) continue;
    if (!TICKER.test(entry)) invalid.push(entry);
    else if (seen.has(entry)) duplicates++;
    else seen.add(entry);
  }
  return { symbols: [...seen], invalid, duplicates };
}

/** A list as the text box shows it: one line, comma-separated. */
export function formatSymbolList(symbols: readonly string[]): string {
  return symbols.join(", ");
}
