"use client";

import { DatabaseIcon } from "lucide-react";
import { EmptyState, LoadingRows, QueryState } from "@/components/layouts/states";
import { ViewAllAction } from "@/components/layouts/view-all-action";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatBarTime, formatCompact } from "@/lib/format";
import { useLocale, useT } from "@/lib/i18n";
import { useSymbols } from "../api/get-symbols";
import { toRows, totals } from "../lib/rows";

/** The dashboard's card: what market data is available to backtest on. */
export function MarketDataSummary() {
  const t = useT();
  const locale = useLocale();
  const symbols = useSymbols();
  const sum = symbols.data ? totals(symbols.data) : null;
  const rows = symbols.data
    ? toRows(symbols.data)
        .filter((r) => r.interval)
        .sort((a, b) => b.barCount - a.barCount)
        .slice(0, 5)
    : [];
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("dashboard.dataTitle")}</CardTitle>
        <CardDescription>
          {sum
            ? t("dashboard.dataCounts", { symbols: sum.symbols, bars: formatCompact(sum.bars, locale) })
            : t("dashboard.dataDescription")}
        </CardDescription>
        <ViewAllAction href="/data" />
      </CardHeader>
      <CardContent>
        <QueryState
          query={symbols}
          loading={<LoadingRows count={3} rowClassName="h-11" />}
          errorClassName="py-6"
          empty={
            rows.length === 0 && (
              <EmptyState
                icon={DatabaseIcon}
                title={t("marketData.emptyTitle")}
                description={t("marketData.emptyDescription")}
                className="py-6"
              />
            )
          }
        >
          <ul className="grid divide-y">
            {rows.map((row) => (
              <li key={row.key} className="flex items-center justify-between gap-3 py-2.5">
                <span className="grid min-w-0 gap-0.5">
                  <span className="flex items-center gap-2">
                    <span className="font-mono font-medium">{row.symbol}</span>
                    <Badge variant="secondary" className="font-mono">
                      {row.interval}
                    </Badge>
                  </span>
                  <span className="truncate text-xs text-muted-foreground tabular-nums">
                    {formatBarTime(row.firstBar, row.interval, row.timeZone)} → {formatBarTime(row.lastBar, row.interval, row.timeZone)}
                  </span>
                </span>
                <span className="shrink-0 text-sm text-muted-foreground tabular-nums">
                  {t("marketData.barCount", { count: formatCompact(row.barCount, locale) })}
                </span>
              </li>
            ))}
          </ul>
        </QueryState>
      </CardContent>
    </Card>
  );
}
