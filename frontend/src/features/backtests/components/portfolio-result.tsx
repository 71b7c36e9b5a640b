"use client";

import { useMemo } from "react";
import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { AXIS_STYLE, GRID_STYLE } from "@/components/charts/chart-style";
import { ErrorState } from "@/components/layouts/states";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import type { SchemaBacktestResponse, SchemaPortfolioSummary } from "@/lib/api/schema";
import { formatBarTime, formatDate, formatMoney, formatNumber, formatPercent } from "@/lib/format";
import { useLocale, useT } from "@/lib/i18n";
import { signTone, toneClass } from "@/lib/metrics";
import { cn } from "@/lib/utils";
import { useAllHoldings, useHoldingsAt } from "../api/get-holdings";
import { allocationBands, allocationRows, contributionRows, mergeHoldings, OTHERS } from "../lib/portfolio";

/** Symbols drawn as bands of their own; the rest are summed into one. */
export const ALLOCATION_TOP = 8;

/** Band colours: distinct hues at one lightness, readable in both themes; "others" is grey. */
const PALETTE = [
  "oklch(0.62 0.17 255)",
  "oklch(0.7 0.16 45)",
  "oklch(0.65 0.15 150)",
  "oklch(0.6 0.2 300)",
  "oklch(0.75 0.15 85)",
  "oklch(0.62 0.14 200)",
  "oklch(0.6 0.19 20)",
  "oklch(0.55 0.1 110)",
];
const OTHERS_COLOR = "oklch(0.7 0 0)";
const bandColor = (key: string, i: number) => (key === OTHERS ? OTHERS_COLOR : PALETTE[i % PALETTE.length]!);

/**
 * Each symbol's weight over the run as stacked areas (the largest {@link ALLOCATION_TOP}, then
 * "others"), from the holdings endpoint within a point budget; clicking picks that day's holdings.
 */
export function AllocationChart({
  run,
  onPickDate,
}: {
  run: SchemaBacktestResponse;
  /** A day (yyyy-mm-dd in the run's zone) the reader clicked. */
  onPickDate: (date: string) => void;
}) {
  const t = useT();
  const locale = useLocale();
  const zone = run.result?.portfolio?.time_zone ?? run.settings?.time_zone ?? "UTC";
  const holdings = useAllHoldings(run.id!, run.symbols ?? []);
  const { rows, bands, others } = useMemo(() => {
    if (!holdings.data) return { rows: [], bands: [], others: 0 };
    const columns = mergeHoldings(holdings.data);
    const bands = allocationBands(columns, ALLOCATION_TOP);
    return { rows: allocationRows(columns.time, bands), bands, others: Math.max(0, columns.symbols.length - ALLOCATION_TOP) };
  }, [holdings.data]);
  const label = (key: string) => (key === OTHERS ? t("portfolio.result.others", { count: others }) : key);

  return (
    <Card className="gap-3" data-testid="allocation-chart">
      <CardHeader>
        <CardTitle className="flex items-center gap-2 text-base">
          {t("portfolio.result.allocationTitle")}
          {holdings.isPending && <Spinner className="size-3.5 text-muted-foreground" label={t("common.loading")} />}
        </CardTitle>
        <CardDescription className="break-keep">{t("portfolio.result.allocationDescription")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        {holdings.error ? (
          <ErrorState error={holdings.error} onRetry={holdings.refetch} />
        ) : holdings.isPending ? (
          <Skeleton className="h-72" />
        ) : rows.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("portfolio.result.allocationEmpty")}</p>
        ) : (
          <>
            <div className="h-64 select-none sm:h-72" role="img" aria-label={t("portfolio.result.allocationTitle")}>
              <ResponsiveContainer width="100%" height="100%">
                <AreaChart
                  data={rows}
                  margin={{ top: 8, right: 12, bottom: 0, left: 4 }}
                  onClick={(state) => {
                    const index = Number(state?.activeTooltipIndex);
                    const time = Number.isInteger(index) ? rows[index]?.time : undefined;
                    if (time !== undefined) onPickDate(formatDate(time, zone));
                  }}
                >
                  <CartesianGrid {...GRID_STYLE} />
                  <XAxis
                    dataKey="time"
                    type="number"
                    scale="time"
                    domain={["dataMin", "dataMax"]}
                    tickFormatter={(time: number) => formatDate(time, zone).slice(0, 7)}
                    {...AXIS_STYLE}
                    minTickGap={48}
                  />
                  <YAxis
                    domain={[0, (max: number) => Math.max(1, max)]}
                    tickFormatter={(v: number) => formatPercent(v, locale, { digits: 0 })}
                    {...AXIS_STYLE}
                    width={48}
                  />
                  <Tooltip
                    content={({ active, payload }) => {
                      const row = active ? (payload?.[0]?.payload as Record<string, number> | undefined) : undefined;
                      if (!row) return null;
                      return (
                        <div className="grid gap-0.5 rounded-md border bg-popover px-3 py-2 text-xs text-popover-foreground shadow-md">
                          <p className="font-medium tabular-nums">{formatBarTime(row.time!, run.interval, zone)}</p>
                          {[...bands].reverse().map((band) => (
                            <p key={band.key} className="flex justify-between gap-4">
                              <span className="text-muted-foreground">{label(band.key)}</span>
                              <span className="tabular-nums">{formatPercent(row[band.key], locale)}</span>
                            </p>
                          ))}
                        </div>
                      );
                    }}
                  />
                  {bands.map((band, i) => (
                    <Area
                      key={band.key}
                      dataKey={band.key}
                      name={label(band.key)}
                      stackId="weights"
                      type="stepAfter"
                      stroke={bandColor(band.key, i)}
                      fill={bandColor(band.key, i)}
                      fillOpacity={0.75}
                      strokeWidth={0}
                      dot={false}
                      isAnimationActive={false}
                    />
                  ))}
                </AreaChart>
              </ResponsiveContainer>
            </div>
            <ul
              className="flex flex-wrap gap-x-4 gap-y-1 text-xs"
              aria-label={t("portfolio.result.allocationTitle")}
              data-testid="allocation-legend"
            >
              {bands.map((band, i) => (
                <li key={band.key} className="flex items-center gap-1.5">
                  <span className="size-2.5 rounded-sm" style={{ background: bandColor(band.key, i) }} aria-hidden />
                  <span className={cn(band.key !== OTHERS && "font-mono")}>{label(band.key)}</span>
                </li>
              ))}
              <li className="flex items-center gap-1.5 text-muted-foreground">
                <span className="size-2.5 rounded-sm border" aria-hidden />
                {t("portfolio.result.cash")}
              </li>
            </ul>
          </>
        )}
      </CardContent>
    </Card>
  );
}

/** Each symbol's profit or loss in the base currency, largest first, with a bar of its share. */
export function ContributionTable({ portfolio }: { portfolio: SchemaPortfolioSummary }) {
  const t = useT();
  const locale = useLocale();
  const rows = useMemo(() => contributionRows(portfolio.symbols ?? []), [portfolio.symbols]);
  const currency = portfolio.base_currency;
  return (
    <Card className="gap-3" data-testid="contribution">
      <CardHeader>
        <CardTitle className="text-base">{t("portfolio.result.contributionTitle")}</CardTitle>
        <CardDescription className="break-keep">{t("portfolio.result.contributionDescription", { currency })}</CardDescription>
      </CardHeader>
      <CardContent className="px-0">
        <div className="max-h-[28rem] overflow-auto border-y">
          <table className="w-full text-sm">
            <thead className="sticky top-0 bg-card text-xs text-muted-foreground">
              <tr className="border-b">
                <th className="px-5 py-2 text-left font-medium">{t("portfolio.result.symbol")}</th>
                <th className="px-3 py-2 text-right font-medium">{t("portfolio.result.contribution")}</th>
                <th className="px-3 py-2 text-left font-medium">{t("portfolio.result.share")}</th>
                <th className="hidden px-5 py-2 text-right font-medium sm:table-cell">{t("portfolio.result.finalWeight")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const tone = toneClass(signTone(row.contribution));
                return (
                  <tr key={row.symbol} className="border-b last:border-0" data-testid="contribution-row">
                    <td className="px-5 py-1.5 font-mono text-xs whitespace-nowrap">{row.symbol}</td>
                    <td className={cn("px-3 py-1.5 text-right whitespace-nowrap tabular-nums", tone)}>
                      {formatMoney(row.contribution, currency, locale, { signed: true })}
                    </td>
                    <td className="px-3 py-1.5">
                      <div className="flex items-center gap-2">
                        <div className="h-2 w-16 overflow-hidden rounded-full bg-muted sm:w-28" aria-hidden>
                          <div
                            className={cn("h-full", (row.share ?? 0) < 0 ? "bg-loss" : "bg-gain")}
                            style={{ width: `${Math.min(100, Math.abs(row.share ?? 0) * 100)}%` }}
                          />
                        </div>
                        <span className={cn("text-xs tabular-nums", tone)}>{formatPercent(row.share, locale, { signed: true })}</span>
                      </div>
                    </td>
                    <td className="hidden px-5 py-1.5 text-right tabular-nums sm:table-cell">{formatPercent(row.finalWeight, locale)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </CardContent>
    </Card>
  );
}

/** What the account held on a day: picked on the allocation chart or typed. */
export function HoldingsAtDate({
  run,
  date,
  onDateChange,
}: {
  run: SchemaBacktestResponse;
  date: string;
  onDateChange: (date: string) => void;
}) {
  const t = useT();
  const locale = useLocale();
  const portfolio = run.result?.portfolio;
  const zone = portfolio?.time_zone ?? run.settings?.time_zone ?? "UTC";
  const currency = portfolio?.base_currency;
  const at = useHoldingsAt(run.id!, date || null);
  const held = (at.data?.holdings ?? []).filter((h) => (h.quantity ?? 0) !== 0);
  const equity = at.data?.equity ?? null;
  return (
    <Card className="gap-3" data-testid="holdings-at">
      <CardHeader>
        <CardTitle className="flex items-center gap-2 text-base">
          {t("portfolio.result.holdingsTitle")}
          {at.isFetching && <Spinner className="size-3.5 text-muted-foreground" label={t("common.loading")} />}
        </CardTitle>
        <CardDescription className="break-keep">{t("portfolio.result.holdingsDescription")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3 px-0">
        <div className="flex flex-wrap items-end gap-3 px-5">
          <div className="grid gap-1">
            <Label htmlFor="holdings-date" className="text-xs text-muted-foreground">
              {t("portfolio.result.date")}
            </Label>
            <Input
              id="holdings-date"
              type="date"
              className="h-8 w-auto"
              value={date}
              min={run.start_date}
              max={run.end_date}
              onChange={(event) => onDateChange(event.target.value)}
              data-testid="holdings-date"
            />
          </div>
          {at.data?.time && (
            <p className="pb-1.5 text-xs text-muted-foreground tabular-nums" data-testid="holdings-time">
              {t("portfolio.result.holdingsAt", { time: formatBarTime(at.data.time, run.interval, zone) })}
              {equity !== null && ` · ${formatMoney(equity, currency, locale)}`}
            </p>
          )}
        </div>
        {at.isError ? (
          <ErrorState error={at.error} onRetry={() => void at.refetch()} className="mx-5" />
        ) : !date || at.isPending ? null : !at.data?.time ? (
          <p className="px-5 text-sm text-muted-foreground">{t("portfolio.result.holdingsBeforeStart")}</p>
        ) : held.length === 0 ? (
          <p className="px-5 text-sm text-muted-foreground">{t("portfolio.result.nothingHeld")}</p>
        ) : (
          <div className="max-h-[28rem] overflow-auto border-y">
            <table className="w-full text-sm" data-testid="holdings-table">
              <thead className="sticky top-0 bg-card text-xs text-muted-foreground">
                <tr className="border-b">
                  <th className="px-5 py-2 text-left font-medium">{t("portfolio.result.symbol")}</th>
                  <th className="px-3 py-2 text-right font-medium">{t("portfolio.result.quantity")}</th>
                  <th className="px-3 py-2 text-right font-medium">{t("portfolio.result.value")}</th>
                  <th className="px-5 py-2 text-right font-medium">{t("portfolio.result.weight")}</th>
                </tr>
              </thead>
              <tbody>
                {held.map((h) => (
                  <tr key={h.symbol} className="border-b last:border-0">
                    <td className="px-5 py-1.5 font-mono text-xs whitespace-nowrap">{h.symbol}</td>
                    <td className="px-3 py-1.5 text-right tabular-nums">
                      {formatNumber(h.quantity, locale, { maximumFractionDigits: 8 })}
                    </td>
                    <td className="px-3 py-1.5 text-right whitespace-nowrap tabular-nums">
                      {equity !== null && h.weight != null ? formatMoney(h.weight * equity, currency, locale) : "—"}
                    </td>
                    <td className="px-5 py-1.5 text-right tabular-nums">{formatPercent(h.weight, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </CardContent>
    </Card>
  );
}

/** Turnover, traded value, costs, the schedule and FX series, and the run's notes in the reader's language. */
export function PortfolioFacts({ run }: { run: SchemaBacktestResponse }) {
  const t = useT();
  const locale = useLocale();
  const portfolio = run.result?.portfolio;
  if (!portfolio) return null;
  const zone = portfolio.time_zone ?? "UTC";
  const currency = portfolio.base_currency;
  const fx = Object.entries(portfolio.fx ?? {});
  const facts: [string, string, string?][] = [
    [t("portfolio.result.turnover"), formatPercent(portfolio.turnover, locale), t("portfolio.result.turnoverHint")],
    [t("portfolio.result.annualTurnover"), formatPercent(portfolio.annual_turnover, locale)],
    [t("portfolio.result.tradedValue"), formatMoney(portfolio.traded_value, currency, locale, { compact: true })],
    [t("portfolio.result.commissions"), formatMoney(portfolio.commissions, currency, locale)],
    [t("portfolio.result.rebalance"), scheduleLabel(portfolio.rebalance, t, locale)],
  ];
  if (fx.length > 0) facts.push([t("portfolio.result.fxUsed"), fx.map(([c, s]) => `${c}: ${s}`).join(", ")]);
  const notes = portfolio.notes ?? [];
  return (
    <Card className="gap-3" data-testid="portfolio-facts">
      <CardHeader>
        <CardTitle className="text-base">{t("portfolio.result.turnoverTitle")}</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-4">
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
          {facts.map(([label, value, hint]) => (
            <div key={label} className="min-w-0">
              <dt className="text-xs text-muted-foreground" title={hint}>
                {label}
              </dt>
              <dd className="truncate font-medium tabular-nums">{value}</dd>
            </div>
          ))}
        </dl>
        {notes.length > 0 && (
          <div className="grid gap-1" data-testid="portfolio-notes">
            <p className="text-sm font-medium">{t("portfolio.result.notesTitle")}</p>
            <ul className="grid gap-0.5 text-sm break-keep text-muted-foreground">
              {notes.map((note, i) => (
                <li key={`${note.time}-${i}`} title={note.message}>
                  {note.kind === "weights_scaled" || note.kind === "buys_scaled"
                    ? t(`portfolio.result.notes.${note.kind}`, { date: formatDate(note.time, zone) })
                    : note.message}
                </li>
              ))}
              {portfolio.notes_omitted > 0 && <li>{t("portfolio.result.notesOmitted", { count: portfolio.notes_omitted })}</li>}
            </ul>
          </div>
        )}
      </CardContent>
    </Card>
  );
}

/** `monthly` or `drift:0.05` in the reader's language. */
function scheduleLabel(rebalance: string | null | undefined, t: ReturnType<typeof useT>, locale: string): string {
  if (!rebalance) return "—";
  const [name, band] = rebalance.split(":");
  switch (name) {
    case "every_bar":
    case "weekly":
    case "monthly":
    case "quarterly":
      return t(`portfolio.schedules.${name}`);
    case "drift":
      return `${t("portfolio.schedules.drift")} (${formatPercent(Number(band), locale)})`;
    default:
      return rebalance;
  }
}
