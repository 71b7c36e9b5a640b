"use client";

import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { SchemaDrawdownPeriod } from "@/lib/api/schema";
import { formatBarTime, formatInteger, formatNumber, formatPercent } from "@/lib/format";
import { useLocale, useT } from "@/lib/i18n";

/**
 * The run's five deepest drawdown periods from the chart endpoint: from the peak, its trough, when the
 * equity got back to the peak ("not recovered" when it never did), how deep and how long.
 */
export function DrawdownPeriods({
  periods,
  loading,
  timeZone,
  interval,
}: {
  periods: SchemaDrawdownPeriod[] | undefined;
  loading: boolean;
  timeZone: string;
  interval: string | undefined;
}) {
  const t = useT();
  const locale = useLocale();
  const time = (v: number | null | undefined) => formatBarTime(v ?? undefined, interval, timeZone);
  return (
    <Card className="min-w-0 gap-3" data-testid="drawdown-periods">
      <CardHeader>
        <CardTitle className="text-base">{t("results.drawdowns.title")}</CardTitle>
        <CardDescription className="break-keep">{t("results.drawdowns.description")}</CardDescription>
      </CardHeader>
      <CardContent className="px-0">
        {loading && !periods ? (
          <Skeleton className="mx-5 h-32" />
        ) : !periods || periods.length === 0 ? (
          <p className="px-5 text-sm text-muted-foreground">{t("results.drawdowns.none")}</p>
        ) : (
          <Table containerClassName="border-y" aria-label={t("results.drawdowns.title")}>
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead className="sticky left-0 z-10 w-10 bg-card">{t("results.drawdowns.rank")}</TableHead>
                <TableHead className="text-right">{t("results.drawdowns.depth")}</TableHead>
                <TableHead>{t("results.drawdowns.start")}</TableHead>
                <TableHead>{t("results.drawdowns.trough")}</TableHead>
                <TableHead>{t("results.drawdowns.recovery")}</TableHead>
                <TableHead className="text-right">{t("results.drawdowns.length")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {periods.map((period, k) => (
                <TableRow key={period.start} data-testid="drawdown-period">
                  <TableCell className="sticky left-0 z-10 bg-card text-muted-foreground tabular-nums">{k + 1}</TableCell>
                  <TableCell className="text-right font-medium whitespace-nowrap text-loss tabular-nums">
                    {formatPercent(period.depth, locale)}
                  </TableCell>
                  <TableCell className="whitespace-nowrap tabular-nums">{time(period.start)}</TableCell>
                  <TableCell className="whitespace-nowrap tabular-nums">{time(period.trough)}</TableCell>
                  <TableCell className="whitespace-nowrap tabular-nums">
                    {period.recovery == null ? (
                      <span className="break-keep text-muted-foreground" data-testid="not-recovered">
                        {t("results.drawdowns.notRecovered")}
                      </span>
                    ) : (
                      time(period.recovery)
                    )}
                  </TableCell>
                  <TableCell className="text-right whitespace-nowrap tabular-nums">
                    {t("results.drawdowns.lengthValue", {
                      days: formatNumber(period.duration_days, locale, { maximumFractionDigits: 1 }),
                      bars: formatInteger(period.duration_bars, locale),
                    })}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
