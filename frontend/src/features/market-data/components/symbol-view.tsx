"use client";

import { ArrowLeftIcon, FileQuestionIcon } from "lucide-react";
import Link from "next/link";
import { useMemo, useState } from "react";
import { CandleChart } from "@/components/charts/candle-chart";
import { BoardBadge } from "@/components/layouts/board-badge";
import { PageHeader } from "@/components/layouts/page-header";
import { EmptyState, ErrorState } from "@/components/layouts/states";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Select, SelectContent, SelectItems, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { Tabs, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { usePriceHistory } from "@/lib/api/price-history";
import type { SchemaSymbolView } from "@/lib/api/schema";
import { resampleTarget } from "@/lib/chart-time";
import { formatInteger } from "@/lib/format";
import { useLanguage, useLocale, useT } from "@/lib/i18n";
import { compareIntervals, intervalLabel, preferredInterval } from "@/lib/intervals";
import { DEFAULT_ADJUSTMENT, PRICE_ADJUSTMENTS, type PriceAdjustment } from "@/lib/prices";
import { symbolLabel } from "@/lib/symbol-name";
import { useActions } from "../api/get-actions";
import { useSymbol, type Dataset } from "../api/get-symbol";
import { actionMarkers, chartStart } from "../lib/actions";
import { ActionsImportForm } from "./actions-import-form";
import { ActionsTable } from "./actions-table";
import { SymbolEditForm } from "./symbol-edit-form";

function nextDay(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * A symbol's page (issue 19): its names, board and stored basis; its candles in raw, split-adjusted or
 * total-return prices (`adjustment` of /data/historical) with its corporate actions drawn on them
 * and listed; an actions upload; and for administrators the Korean name and board.
 */
export function SymbolView({ symbol, dataset, admin }: { symbol: string; dataset?: Dataset; admin: boolean }) {
  const t = useT();
  const language = useLanguage();
  const view = useSymbol(symbol, dataset);
  const actions = useActions(symbol, dataset ?? view.data?.dataset);

  if (!symbol || view.isError) {
    return (
      <EmptyState
        icon={FileQuestionIcon}
        title={symbol}
        description={t("prices.symbolPage.notFound")}
        action={
          <Button asChild variant="outline">
            <Link href="/data">{t("prices.symbolPage.back")}</Link>
          </Button>
        }
        className="min-h-[50dvh]"
      />
    );
  }
  if (view.isPending) return <Skeleton className="h-96" />;
  const info = view.data;
  // Each interval's bars keep the basis they were stored in: one word when they agree, else per interval.
  const bases = [...new Set(info.intervals.map((i) => i.price_basis))];
  const basis =
    bases.length === 0
      ? "—"
      : bases.length === 1
        ? t(`prices.bases.${bases[0]!}`)
        : info.intervals.map((i) => `${i.interval}: ${t(`prices.bases.${i.price_basis}`)}`).join(", ");
  return (
    <>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-2 break-keep" data-testid="symbol-title">
            {symbolLabel(info, language)}
            <BoardBadge board={info.board} />
          </span>
        }
        description={language === "ko" && info.name_ko && info.name && info.name !== info.symbol ? info.name : undefined}
        actions={
          <Button asChild variant="ghost" size="sm">
            <Link href="/data">
              <ArrowLeftIcon />
              {t("prices.symbolPage.back")}
            </Link>
          </Button>
        }
      />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,20rem)]">
        <div className="grid min-w-0 grid-cols-1 content-start gap-4">
          <SymbolChart info={info} actions={actions.data?.actions ?? []} />
          <Card className="gap-3">
            <CardHeader>
              <CardTitle className="text-base">{t("prices.actions.title")}</CardTitle>
              <CardDescription className="break-keep">{t("prices.actions.description")}</CardDescription>
            </CardHeader>
            <CardContent className="px-0">
              {actions.isError ? (
                <ErrorState error={actions.error} onRetry={() => void actions.refetch()} className="mx-5" />
              ) : (
                <ActionsTable actions={actions.data?.actions} loading={actions.isPending} currency={info.currency} />
              )}
            </CardContent>
          </Card>
        </div>
        <div className="grid grid-cols-1 content-start gap-4">
          <Card className="gap-3">
            <CardHeader>
              <CardTitle className="text-sm">{t("prices.symbolPage.details")}</CardTitle>
            </CardHeader>
            <CardContent>
              <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm" data-testid="symbol-details">
                <dt className="text-muted-foreground">{t("prices.symbolPage.market")}</dt>
                <dd className="text-right font-medium">{info.market}</dd>
                {info.board && (
                  <>
                    <dt className="text-muted-foreground">{t("prices.symbolPage.board")}</dt>
                    <dd className="text-right">
                      <BoardBadge board={info.board} className="ml-auto" />
                    </dd>
                  </>
                )}
                <dt className="text-muted-foreground">{t("prices.symbolPage.currency")}</dt>
                <dd className="text-right font-medium">{info.currency}</dd>
                <dt className="text-muted-foreground">{t("prices.symbolPage.timeZone")}</dt>
                <dd className="text-right font-medium">{info.time_zone}</dd>
                <dt className="text-muted-foreground">{t("prices.symbolPage.basis")}</dt>
                <dd className="text-right font-medium" data-testid="symbol-basis">
                  {basis}
                </dd>
              </dl>
            </CardContent>
          </Card>
          {admin && <SymbolEditForm symbol={info} dataset={dataset ?? info.dataset} />}
          <Card className="gap-3">
            <CardHeader>
              <CardTitle className="text-sm">{t("prices.actions.uploadTitle")}</CardTitle>
            </CardHeader>
            <CardContent>
              <ActionsImportForm symbol={info.symbol} canShare={admin && info.dataset === "shared"} />
            </CardContent>
          </Card>
        </div>
      </div>
    </>
  );
}

/** The symbol's candles of one stored interval in the chosen prices, with its corporate actions as markers. */
function SymbolChart({ info, actions }: { info: SchemaSymbolView; actions: Parameters<typeof actionMarkers>[0] }) {
  const t = useT();
  const locale = useLocale();
  const intervals = useMemo(() => [...(info.intervals ?? [])].sort((a, b) => compareIntervals(a.interval, b.interval)), [info.intervals]);
  const [interval, setChosenInterval] = useState(() => preferredInterval(info));
  const [adjustment, setAdjustment] = useState<PriceAdjustment>(DEFAULT_ADJUSTMENT);
  const stored = intervals.find((i) => i.interval === interval);
  const start = stored ? chartStart(interval, stored.first_bar, stored.last_bar) : "";
  const resampleTo = stored && start === stored.first_bar.slice(0, 10) ? resampleTarget(interval, stored.bar_count) : undefined;
  const history = usePriceHistory(
    stored
      ? {
          symbol: info.symbol,
          dataset: info.dataset,
          interval,
          start,
          end: nextDay(stored.last_bar.slice(0, 10)),
          resampleTo,
          adjustment,
        }
      : null,
  );
  const candles = useMemo(
    () => (history.data?.bars ?? []).map((b) => ({ time: Date.parse(b.time), open: b.open, high: b.high, low: b.low, close: b.close })),
    [history.data],
  );
  const markers = useMemo(
    () =>
      actionMarkers(
        actions,
        candles.map((c) => c.time),
        info.time_zone,
        { split: "--primary", dividend: "--gain", halt: "--loss" },
        {
          split: (ratio) => t("prices.actions.markerSplit", { ratio }),
          dividend: t("prices.actions.markerDividend"),
          halt: t("prices.actions.markerHalt"),
        },
      ),
    [actions, candles, info.time_zone, t],
  );
  const barInterval = history.data?.barInterval ?? interval;
  return (
    <Card className="gap-3" data-testid="symbol-chart">
      <CardHeader className="gap-3">
        <CardTitle className="flex flex-wrap items-center gap-2 text-base">
          {t("prices.chart.title")}
          {stored && (
            <Badge variant="secondary" className="font-mono">
              {barInterval}
            </Badge>
          )}
        </CardTitle>
        <div className="flex flex-wrap items-center gap-2">
          <Tabs value={adjustment} onValueChange={(value) => setAdjustment(value as PriceAdjustment)}>
            <TabsList aria-label={t("prices.chart.adjustment")} data-testid="chart-adjustment">
              {PRICE_ADJUSTMENTS.map((value) => (
                <TabsTrigger key={value} value={value} data-testid={`chart-adjustment-${value}`}>
                  {t(`prices.adjustments.${value}`)}
                </TabsTrigger>
              ))}
            </TabsList>
          </Tabs>
          {intervals.length > 1 && (
            <Select value={interval} onValueChange={setChosenInterval}>
              <SelectTrigger size="sm" aria-label={t("prices.chart.interval")} className="w-28" data-testid="chart-interval">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                <SelectItems options={intervals.map((i) => ({ value: i.interval, label: intervalLabel(i.interval, t) }))} />
              </SelectContent>
            </Select>
          )}
        </div>
        <CardDescription className="text-xs break-keep">{t(`prices.adjustmentHints.${adjustment}`)}</CardDescription>
      </CardHeader>
      <CardContent>
        {!stored ? (
          <p className="py-12 text-center text-sm text-muted-foreground">{t("prices.chart.noBars")}</p>
        ) : history.isError ? (
          <ErrorState error={history.error} onRetry={() => void history.refetch()} />
        ) : history.isPending ? (
          <Skeleton className="h-80" />
        ) : candles.length === 0 ? (
          <p className="py-12 text-center text-sm text-muted-foreground">{t("prices.chart.noBars")}</p>
        ) : (
          <>
            <CandleChart
              candles={candles}
              zone={info.time_zone}
              currency={info.currency}
              tickSize={info.tick_size}
              intraday={!["1d", "1w", "1M"].includes(barInterval)}
              markers={markers}
              className="h-80 sm:h-96"
              ariaLabel={t("prices.chart.title")}
            />
            {history.data?.truncated && (
              <p className="mt-2 text-xs text-muted-foreground">
                {t("prices.chart.truncated", { count: formatInteger(candles.length, locale) })}
              </p>
            )}
          </>
        )}
      </CardContent>
    </Card>
  );
}
