import type { Translate } from "@/lib/i18n";

/**
 * A run's symbol as lists show it: its ticker, or a portfolio run's first ticker and how many more it
 * trades ("SYN-TECH +7", "SYN-TECH 외 7개"), so a portfolio never passes for a single-symbol run.
 */
export function runSymbolText(symbol: string, symbolCount: number | undefined, t: Translate): string {
  const more = (symbolCount ?? 1) - 1;
  return more > 0 ? t("portfolio.andOthers", { symbol, count: more }) : symbol;
}
