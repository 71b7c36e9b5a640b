"use client";

import { Badge } from "@/components/ui/badge";
import { useT } from "@/lib/i18n";

/**
 * Tickers as chips, those without data marked (amber, with a text for screen readers), at most `limit`
 * of them and a count of the rest.
 */
export function SymbolChips({
  symbols,
  missing = [],
  limit = Number.POSITIVE_INFINITY,
  total = symbols.length,
}: {
  symbols: readonly string[];
  missing?: readonly string[];
  limit?: number;
  total?: number;
}) {
  const t = useT();
  const noData = new Set(missing);
  const shown = symbols.slice(0, limit);
  return (
    <ul className="flex flex-wrap gap-1" aria-label={t("universes.symbols")}>
      {shown.map((symbol) => (
        <li key={symbol}>
          <Badge
            variant={noData.has(symbol) ? "warning" : "outline"}
            className="font-mono font-normal"
            title={noData.has(symbol) ? t("universes.noDataYet") : undefined}
          >
            {symbol}
            {noData.has(symbol) && <span className="sr-only"> ({t("universes.noDataYet")})</span>}
          </Badge>
        </li>
      ))}
      {total > shown.length && (
        <li>
          <Badge variant="secondary">{t("universes.more", { count: total - shown.length })}</Badge>
        </li>
      )}
    </ul>
  );
}
