"use client";

import { HeatmapGrid } from "@/components/charts/heatmap-grid";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import type { SchemaMonthlyReturnsGrid } from "@/lib/api/schema";
import { formatPercent } from "@/lib/format";
import { divergingColor, intensity, isStrong, maxAbs } from "@/lib/heatmap";
import { useLocale, useT } from "@/lib/i18n";
import { signTone, toneClass } from "@/lib/metrics";
import { cn } from "@/lib/utils";

/** Short month names in the language: Jan…Dec, 1월…12월. */
export function monthNames(locale: string): string[] {
  const format = new Intl.DateTimeFormat(locale, { month: "short", timeZone: "UTC" });
  return Array.from({ length: 12 }, (_, m) => format.format(Date.UTC(2000, m, 1)));
}

/** The grid the API sends as heatmap rows: one per year, twelve months, null where there was no bar. */
export function monthlyRows(grid: SchemaMonthlyReturnsGrid | undefined): (number | null)[][] {
  return (grid?.years ?? []).map((_, y) =>
    Array.from({ length: 12 }, (_, m) => {
      const v = grid?.months?.[y]?.[m];
      return typeof v === "number" && Number.isFinite(v) ? v : null;
    }),
  );
}

/**
 * Monthly returns as a heatmap (years down, months across, the year's return at the end), coloured
 * on one scale around zero, and the yearly returns as bars.
 */
export function MonthlyReturns({ grid, loading }: { grid: SchemaMonthlyReturnsGrid | undefined; loading: boolean }) {
  const t = useT();
  const locale = useLocale();
  const rows = monthlyRows(grid);
  const years = grid?.years ?? [];
  const yearly = years.map((_, i) => {
    const v = grid?.yearly?.[i];
    return typeof v === "number" && Number.isFinite(v) ? v : null;
  });
  const scale = maxAbs(rows.flat());
  const yearScale = maxAbs(yearly);
  const months = monthNames(locale);
  const pct = (v: number) => formatPercent(v, locale, { digits: 1, signed: true });

  return (
    <div className="grid grid-cols-1 gap-4 xl:grid-cols-[minmax(0,1fr)_minmax(0,16rem)]">
      <Card className="min-w-0 gap-3">
        <CardHeader>
          <CardTitle className="text-base">{t("backtests.monthly.title")}</CardTitle>
          <CardDescription>{t("backtests.monthly.description")}</CardDescription>
        </CardHeader>
        <CardContent>
          {loading && !grid ? (
            <Skeleton className="h-24" />
          ) : rows.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t("backtests.monthly.empty")}</p>
          ) : (
            <HeatmapGrid
              label={t("backtests.monthly.title")}
              corner={t("backtests.monthly.year")}
              rowLabels={years.map(String)}
              columnLabels={months}
              values={rows}
              format={pct}
              color={(v) => divergingColor(v, scale)}
              strong={(v) => isStrong(intensity(v, scale))}
              summary={{ label: t("backtests.monthly.total"), values: yearly }}
              cellLabel={(r, c, text) => `${years[r]} ${months[c]}: ${text}`}
              testId="monthly-heatmap"
            />
          )}
        </CardContent>
      </Card>
      <Card className="gap-3">
        <CardHeader>
          <CardTitle className="text-base">{t("backtests.monthly.yearlyTitle")}</CardTitle>
        </CardHeader>
        <CardContent>
          {yearly.length === 0 ? (
            loading ? (
              <Skeleton className="h-24" />
            ) : (
              <p className="text-sm text-muted-foreground">{t("backtests.monthly.empty")}</p>
            )
          ) : (
            <ul className="grid gap-2" data-testid="yearly-returns">
              {years.map((year, i) => {
                const v = yearly[i] ?? null;
                const width = v === null || yearScale === 0 ? 0 : (Math.abs(v) / yearScale) * 50;
                return (
                  <li key={year} className="grid grid-cols-[3rem_1fr_4.5rem] items-center gap-2 text-sm">
                    <span className="text-muted-foreground tabular-nums">{year}</span>
                    <span className="relative h-5 rounded-sm bg-muted/50" aria-hidden>
                      <span className="absolute inset-y-0 left-1/2 w-px bg-border" />
                      <span
                        className={cn("absolute inset-y-0.5 rounded-sm", (v ?? 0) >= 0 ? "left-1/2 bg-gain/70" : "right-1/2 bg-loss/70")}
                        style={{ width: `${width}%` }}
                      />
                    </span>
                    <span className={cn("text-right font-medium tabular-nums", toneClass(signTone(v)))}>{v === null ? "—" : pct(v)}</span>
                  </li>
                );
              })}
            </ul>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
