"use client";

import { useQuery } from "@tanstack/react-query";
import { AlertCircleIcon, ArchiveIcon, ExternalLinkIcon } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import { CandleChart } from "@/components/charts/candle-chart";
import { MetricCards } from "@/components/charts/metric-cards";
import { PlotLegend, toggled } from "@/components/charts/plot-legend";
import { FillNoteBadge } from "@/components/layouts/fill-note-badge";
import { Form } from "@/components/forms/form";
import { CapitalField, findSymbol, MarketRangeFields } from "@/components/forms/market-range-fields";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { useDebouncedValue } from "@/hooks/use-debounced-value";
import { isApiError } from "@/lib/api/errors";
import { priceHistoryQueryOptions } from "@/lib/api/price-history";
import { isLowerPane } from "@/lib/plots";
import type { SchemaStrategyParameter } from "@/lib/api/schema";
import { resampleTarget } from "@/lib/chart-time";
import { formatNumber } from "@/lib/format";
import { useLocale, useT, type Translate } from "@/lib/i18n";
import { cn } from "@/lib/utils";
import { useKeepPreview } from "../api/keep-preview";
import { usePreview } from "../api/preview-backtest";
import { useSymbols } from "../api/get-symbols";
import {
  defaultSetup,
  fillMarkers,
  fillNoteCounts,
  parameterValues,
  previewRequest,
  recentRange,
  setupFor,
  type WorkbenchSetup,
} from "../lib/workbench";
import { ParameterControls } from "./parameter-controls";
import { PreviewEquity } from "./preview-equity";

/** The pause after a parameter or setting changes before it is previewed: a slider's drag settles first. */
export const SETTLE_MS = 150;

/** The day after an ISO date: the history's `end` is exclusive, the preview's end date inclusive. */
function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

const ms = (value: number, locale: string) => `${formatNumber(value, locale, { maximumFractionDigits: 0 })} ms`;

/** What a failed preview means, in a sentence. */
function previewProblem(error: unknown, t: Translate): string {
  if (!isApiError(error)) return t("errors.unexpected");
  if (error.status === 0) return t("errors.network");
  if (error.status === 429) return t("workbench.tooMany");
  if (error.status === 503) return t("workbench.busy");
  const fields = error.fieldErrors.map((f) => (f.field ? `${f.field}: ${f.message}` : f.message));
  return fields.length > 0 ? fields.join(" · ") : (error.detail ?? error.title);
}

/**
 * The strategy workbench beside the editor: the data to run on, the strategy's parameters as sliders,
 * and the preview of a backtest (key metrics, candles with the plots and fills, equity) that re-runs
 * whenever the code compiles anew or a control changes. Previews are not stored; Keep saves the
 * strategy when it has changes and stores the same request as a normal run.
 */
export function Workbench({
  code,
  parameters,
  codeState,
  strategyId,
  unsaved,
  save,
  onKept,
}: {
  /** The code to preview: the editor's, once it has stopped changing and compiles; null otherwise. */
  code: string | null;
  parameters: readonly SchemaStrategyParameter[];
  /** Why there is no code to preview. */
  codeState: "ok" | "checking" | "invalid" | "empty";
  strategyId: string | null;
  unsaved: boolean;
  /** The editor's save; resolves to the strategy's id. */
  save: () => Promise<string>;
  onKept?: (strategyId: string) => void;
}) {
  const t = useT();
  const locale = useLocale();
  const router = useRouter();
  const symbols = useSymbols();
  const setupForm = useForm<WorkbenchSetup>({
    defaultValues: { symbol: "", interval: "", start_date: "", end_date: "", initial_capital: "" },
  });
  const setup = useWatch({ control: setupForm.control }) as WorkbenchSetup;
  const [chosen, setChosen] = useState<Record<string, number>>({});
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [kept, setKept] = useState<string | null>(null);
  const keep = useKeepPreview();

  // The first symbol with bars (AAPL when stored) over its last ten years, once the symbols are known.
  const firstSetup = useMemo(() => (symbols.data ? defaultSetup(symbols.data) : null), [symbols.data]);
  useEffect(() => {
    if (firstSetup && !setupForm.getValues("symbol")) setupForm.reset(firstSetup);
  }, [firstSetup, setupForm]);

  const symbol = findSymbol(symbols.data, setup.symbol ?? "");
  const values = useMemo(() => parameterValues(parameters, chosen), [parameters, chosen]);
  // Debounced as text: equal settings are equal strings, so a re-render alone never restarts the wait.
  const settledText = useDebouncedValue(JSON.stringify({ setup, values }), SETTLE_MS);
  const settled = useMemo(() => JSON.parse(settledText) as { setup: WorkbenchSetup; values: Record<string, number> }, [settledText]);
  const request = useMemo(() => (code && symbol ? previewRequest(code, settled.setup, settled.values) : null), [code, symbol, settled]);
  const preview = usePreview(request);
  const shown = preview.shown;

  const zone = shown?.settings?.time_zone ?? symbol?.time_zone ?? "UTC";
  const currency = shown?.settings?.currency ?? symbol?.currency ?? undefined;
  const tick = shown?.settings?.costs?.tick_size ?? undefined;
  const historyParams = useMemo(() => {
    const s = settled.setup;
    if (!symbol || !s.symbol || !s.interval || !s.start_date || !s.end_date || s.start_date > s.end_date) return null;
    const stored = symbol.intervals?.find((i) => i.interval === s.interval);
    // The bars in range, estimated from the stored count until a preview has counted them.
    const span =
      (Date.parse(s.end_date) - Date.parse(s.start_date)) / (Date.parse(stored?.last_bar ?? "") - Date.parse(stored?.first_bar ?? ""));
    const estimate = Math.round((stored?.bar_count ?? 0) * (Number.isFinite(span) ? Math.min(1, span) : 1));
    return {
      symbol: s.symbol,
      interval: s.interval,
      start: s.start_date,
      end: nextDay(s.end_date),
      resampleTo: resampleTarget(s.interval, estimate),
    };
  }, [settled.setup, symbol]);
  const history = useQuery({
    ...priceHistoryQueryOptions(historyParams ?? { symbol: "", interval: "", start: "", end: "" }),
    enabled: !!historyParams,
  });
  const candles = useMemo(
    () =>
      (history.data?.bars ?? []).map((b) => ({
        time: Date.parse(b.time ?? ""),
        open: b.open ?? 0,
        high: b.high ?? 0,
        low: b.low ?? 0,
        close: b.close ?? 0,
      })),
    [history.data],
  );
  const markers = useMemo(() => {
    if (!shown || candles.length === 0) return [];
    return fillMarkers(
      shown.fills,
      candles.map((c) => c.time),
      zone,
      { buy: "--gain", sell: "--loss" },
      {
        buy: t("backtests.price.buy"),
        sell: t("backtests.price.sell"),
        notes: { limit_locked: t("prices.notes.limit_locked"), halted: t("prices.notes.halted") },
      },
    );
  }, [shown, candles, zone, t]);

  const noteCounts = useMemo(() => fillNoteCounts(shown?.fills ?? []), [shown]);

  const onKeep = () => {
    if (!request) return;
    keep.mutate(
      { preview: request, strategyId, unsaved, save },
      {
        onSuccess: ({ strategyId: savedId, runId }) => {
          setKept(runId);
          toast.success(t("workbench.kept"), {
            action: { label: t("workbench.openRun"), onClick: () => router.push(`/backtests/${runId}`) },
          });
          onKept?.(savedId);
        },
        onError: (error) => toast.error(t("workbench.keepFailed"), { description: previewProblem(error, t) }),
      },
    );
  };

  const waitingFor =
    codeState === "empty"
      ? t("strategies.codeRequired")
      : codeState === "invalid"
        ? t("workbench.codeErrors")
        : symbols.data && symbols.data.length === 0
          ? t("workbench.noData")
          : !request && codeState === "ok" && symbol
            ? t("workbench.incomplete")
            : null;
  const plots = shown?.plots;

  return (
    <Card className="gap-4 py-4" data-testid="workbench">
      <CardHeader className="px-4">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <CardTitle className="flex flex-wrap items-center gap-2 text-base">
            {t("workbench.title")}
            <Badge variant="secondary" data-testid="preview-badge">
              {t("workbench.previewBadge")}
            </Badge>
            {preview.computing && <Spinner className="size-3.5 text-muted-foreground" label={t("workbench.computing")} />}
          </CardTitle>
          <Button
            type="button"
            size="sm"
            onClick={onKeep}
            disabled={!request || !shown || preview.outdated || keep.isPending}
            data-testid="keep-preview"
          >
            {keep.isPending ? <Spinner /> : <ArchiveIcon />}
            {t("workbench.keep")}
          </Button>
        </div>
        <p className="text-xs break-keep text-muted-foreground">{t("workbench.hint")}</p>
        {kept && (
          <p className="text-sm">
            <Link
              href={`/backtests/${kept}`}
              className="inline-flex items-center gap-1 font-medium text-primary underline-offset-4 hover:underline"
              data-testid="kept-run-link"
            >
              <ExternalLinkIcon className="size-4" />
              {t("workbench.openRun")}
            </Link>
          </p>
        )}
      </CardHeader>
      <CardContent className="grid grid-cols-1 gap-4 px-4">
        <Form {...setupForm}>
          <div className="grid grid-cols-1 gap-3" data-testid="workbench-setup">
            <MarketRangeFields
              symbols={symbols.data ?? []}
              loading={symbols.isPending}
              symbol={symbol}
              symbolTestId="workbench-symbol"
              limitRange={recentRange}
              onSymbolPicked={(picked) => {
                const next = setupFor(picked);
                if (next) setupForm.setValue("initial_capital", next.initial_capital, { shouldDirty: true });
              }}
            />
            <CapitalField currency={currency ?? ""} />
          </div>
        </Form>
        <section className="grid grid-cols-1 gap-2">
          <h3 className="text-sm font-medium">{t("strategies.parameters")}</h3>
          <ParameterControls
            parameters={parameters}
            values={values}
            onChange={(name, value) => setChosen((c) => ({ ...c, [name]: value }))}
          />
        </section>

        {waitingFor && (
          <p className="text-sm break-keep text-muted-foreground" data-testid="preview-waiting">
            {waitingFor}
          </p>
        )}
        {preview.error != null && (
          <Alert variant="destructive" data-testid="preview-error">
            <AlertCircleIcon />
            <AlertTitle>{t("workbench.failed")}</AlertTitle>
            <AlertDescription>{previewProblem(preview.error, t)}</AlertDescription>
          </Alert>
        )}

        <div
          className={cn("grid grid-cols-1 gap-4 transition-opacity", preview.outdated && "opacity-60")}
          data-testid="preview-result"
          data-state={!shown ? "empty" : preview.outdated ? "outdated" : "current"}
          aria-busy={preview.computing}
        >
          {shown ? (
            <MetricCards metrics={shown.result.metrics} currency={currency} compact />
          ) : (
            <div className="grid grid-cols-2 gap-3 sm:grid-cols-3">
              {Array.from({ length: 6 }, (_, i) => (
                <Skeleton key={i} className="h-16" />
              ))}
            </div>
          )}
          <section className="grid grid-cols-1 gap-2" data-testid="preview-price">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h3 className="text-sm font-medium">{t("workbench.priceTitle", { symbol: setup.symbol ?? "" })}</h3>
              {history.data?.barInterval && history.data.barInterval !== setup.interval && (
                <Badge variant="outline">{t("backtests.price.resampled")}</Badge>
              )}
            </div>
            {plots && plots.series.length > 0 && (
              <PlotLegend plots={plots.series} hidden={hidden} onToggle={(title) => setHidden((h) => toggled(h, title))} />
            )}
            {history.isPending && historyParams ? (
              <Skeleton className="h-72" />
            ) : candles.length === 0 ? (
              <p className="py-10 text-center text-sm text-muted-foreground">{t("backtests.price.noBars")}</p>
            ) : (
              <CandleChart
                candles={candles}
                zone={zone}
                currency={currency}
                tickSize={tick}
                intraday={!["1d", "1w", "1M"].includes(history.data?.barInterval ?? setup.interval ?? "1d")}
                markers={markers}
                plots={plots}
                hidden={hidden}
                className={plots?.series.some(isLowerPane) ? "h-[26rem]" : "h-72"}
                ariaLabel={t("workbench.chartLabel", {
                  symbol: setup.symbol ?? "",
                  fills: shown?.fills.length ?? 0,
                  plots: plots?.series.length ?? 0,
                })}
              />
            )}
            {noteCounts.length > 0 && (
              <p className="flex flex-wrap items-center gap-1.5 text-xs text-muted-foreground" data-testid="waited-fills">
                {t("prices.waitedFills")}
                {noteCounts.map(({ note, count }) => (
                  <span key={note} className="inline-flex items-center gap-1">
                    <FillNoteBadge note={note} />
                    <span className="tabular-nums">×{count}</span>
                  </span>
                ))}
              </p>
            )}
            {shown?.fills_truncated && (
              <p className="text-xs text-muted-foreground">{t("workbench.fillsTruncated", { count: shown.fills.length })}</p>
            )}
          </section>
          {shown && (
            <section className="grid grid-cols-1 gap-2">
              <h3 className="text-sm font-medium">{t("workbench.equityTitle")}</h3>
              <PreviewEquity equity={shown.result.equity} currency={currency} zone={zone} interval={settled.setup.interval} />
            </section>
          )}
          {shown && (
            <p className="text-xs text-muted-foreground tabular-nums" data-testid="preview-timing">
              {t("workbench.timing", { engine: ms(shown.engine_ms, locale), total: ms(shown.roundTripMs, locale) })}
            </p>
          )}
        </div>
      </CardContent>
    </Card>
  );
}
