"use client";

import { ChevronRightIcon, FootprintsIcon, SquareIcon, Trash2Icon } from "lucide-react";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { toast } from "sonner";
import { ConfirmDialog } from "@/components/layouts/confirm-dialog";
import { EmptyState, ErrorState, LoadingRows, QueryState } from "@/components/layouts/states";
import { Button } from "@/components/ui/button";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Progress } from "@/components/ui/progress";
import { Skeleton } from "@/components/ui/skeleton";
import { formatDate, formatInteger, formatMoney, formatNumber, formatRelativeTime } from "@/lib/format";
import { useLocale, useT } from "@/lib/i18n";
import { formatMetric, metricLabel, metricTone, metricValue, toneClass } from "@/lib/metrics";
import { cn } from "@/lib/utils";
import { useDeleteWalkForward } from "../api/delete-walk-forward";
import { isWalkForwardActive, useWalkForward } from "../api/get-walk-forward";
import { useWalkForwards } from "../api/get-walk-forwards";
import { robustnessKeys } from "../api/keys";
import type { WalkForwardResponse, WalkForwardSummary } from "../api/types";
import { driftRows, equityPoints, windowBoundaries } from "../lib/charts";
import { efficiencyReading } from "../lib/readings";
import { DriftChart, EquityLineChart } from "./robustness-charts";
import { CardHeading, ColumnHeader, Figure, JobStatusBadge, ReadingNote, WideTable } from "./robustness-bits";

const SUMMARY_METRICS = ["total_return", "cagr", "sharpe_ratio", "max_drawdown"] as const;
const WINDOW_METRICS = ["total_return", "sharpe_ratio", "max_drawdown"] as const;

function Summary({ data }: { data: WalkForwardResponse }) {
  const t = useT();
  const locale = useLocale();
  const metrics = data.out_of_sample?.metrics;
  const currency = data.settings?.currency;
  const reading = data.efficiency != null ? efficiencyReading(data.efficiency) : null;
  return (
    <div className="grid gap-3">
      <div className="grid grid-cols-2 gap-3 md:grid-cols-5" data-testid="wf-summary">
        {SUMMARY_METRICS.map((m) => {
          const value = metricValue(metrics, m);
          return (
            <Card key={m} className="gap-1 py-3">
              <CardContent className="px-4">
                <Figure
                  label={metricLabel(m, t)}
                  value={<span className={toneClass(metricTone(m, value))}>{formatMetric(m, value, { currency, locale, t })}</span>}
                  testId={`wf-summary-${m}`}
                />
              </CardContent>
            </Card>
          );
        })}
        <Card className="gap-1 py-3">
          <CardContent className="px-4">
            <Figure
              label={t("robustness.walkForward.efficiency")}
              value={formatNumber(data.efficiency, locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}
              testId="wf-efficiency"
            />
          </CardContent>
        </Card>
      </div>
      {reading && <ReadingNote verdict={reading.verdict} text={reading.key} testId="wf-efficiency-reading" />}
    </div>
  );
}

function WindowsTable({ data }: { data: WalkForwardResponse }) {
  const t = useT();
  const locale = useLocale();
  const currency = data.settings?.currency;
  const zone = data.settings?.time_zone;
  const names = data.ranges.filter((r) => r.count > 1).map((r) => r.name);
  const date = (value: string) => formatDate(value, zone);
  return (
    <WideTable
      label={t("robustness.walkForward.windowsTitle")}
      testId="wf-windows"
      className="min-w-[60rem]"
      head={
        <>
          <ColumnHeader>#</ColumnHeader>
          <ColumnHeader align="left">{t("robustness.walkForward.train")}</ColumnHeader>
          <ColumnHeader align="left">{t("robustness.walkForward.test")}</ColumnHeader>
          <ColumnHeader align="left">{t("robustness.walkForward.chosen")}</ColumnHeader>
          <ColumnHeader>{t("robustness.walkForward.isScore", { objective: metricLabel(data.objective, t) })}</ColumnHeader>
          {WINDOW_METRICS.map((m) => (
            <ColumnHeader key={m}>{t("robustness.walkForward.oosMetric", { metric: t(`metrics.short.${m}`) })}</ColumnHeader>
          ))}
          <ColumnHeader>{t("metrics.short.trade_count")}</ColumnHeader>
          <ColumnHeader>{t("robustness.walkForward.equity")}</ColumnHeader>
        </>
      }
    >
      {data.windows.map((w) => (
        <tr key={w.number} className="border-t" data-status={w.status}>
          <td className="px-2 py-1.5 text-right tabular-nums">{w.number}</td>
          <td className="px-2 py-1.5 whitespace-nowrap tabular-nums">
            {date(w.train_start)} → {date(w.train_end)}
            <span className="block text-xs text-muted-foreground">
              {t("robustness.walkForward.barCount", { count: formatInteger(w.train_bars, locale) })}
            </span>
          </td>
          <td className="px-2 py-1.5 whitespace-nowrap tabular-nums">
            {date(w.test_start)} → {date(w.test_end)}
            <span className="block text-xs text-muted-foreground">
              {t("robustness.walkForward.barCount", { count: formatInteger(w.test_bars, locale) })}
            </span>
          </td>
          <td className="px-2 py-1.5 font-mono text-xs whitespace-nowrap">
            {w.parameters ? (
              names.map((n) => `${n}=${formatNumber(w.parameters?.[n], locale, { maximumFractionDigits: 6 })}`).join(", ")
            ) : (
              <JobStatusBadge status={w.status === "completed" ? "failed" : w.status} />
            )}
          </td>
          <td className="px-2 py-1.5 text-right tabular-nums">
            {formatMetric(data.objective, w.in_sample_score, { currency, locale, t })}
          </td>
          {WINDOW_METRICS.map((m) => {
            const value = metricValue(w.out_of_sample_metrics, m);
            return (
              <td key={m} className={cn("px-2 py-1.5 text-right tabular-nums", toneClass(metricTone(m, value)))}>
                {formatMetric(m, value, { currency, locale, t })}
              </td>
            );
          })}
          <td className="px-2 py-1.5 text-right tabular-nums">{formatInteger(w.trade_count, locale)}</td>
          <td className="px-2 py-1.5 text-right whitespace-nowrap tabular-nums">
            {formatMoney(w.start_equity, currency, locale)} → {formatMoney(w.end_equity, currency, locale)}
          </td>
        </tr>
      ))}
    </WideTable>
  );
}

function Drift({ data }: { data: WalkForwardResponse }) {
  const t = useT();
  const locale = useLocale();
  const drift = data.parameter_drift;
  const rows = useMemo(() => driftRows(drift), [drift]);
  if (drift.length === 0) return null;
  const number = (v: number | null) => formatNumber(v, locale, { maximumFractionDigits: 3 });
  return (
    <Card className="gap-3">
      <CardHeading title={t("robustness.walkForward.driftTitle")} description={t("robustness.walkForward.driftDescription")} />
      <CardContent className="grid gap-3">
        <DriftChart rows={rows} names={drift.map((d) => d.name)} label={t("robustness.walkForward.driftTitle")} />
        <div className="overflow-x-auto">
          <table className="w-full text-sm" data-testid="wf-drift">
            <thead className="text-xs text-muted-foreground">
              <tr>
                <ColumnHeader align="left" compact>
                  {t("robustness.plateau.parameters")}
                </ColumnHeader>
                <ColumnHeader compact>{t("robustness.walkForward.mean")}</ColumnHeader>
                <ColumnHeader compact>{t("robustness.walkForward.stdev")}</ColumnHeader>
                <ColumnHeader compact>{t("robustness.walkForward.changes")}</ColumnHeader>
              </tr>
            </thead>
            <tbody>
              {drift.map((d) => (
                <tr key={d.name} className="border-t">
                  <th scope="row" className="py-1 text-left font-mono font-normal">
                    {d.name}
                  </th>
                  <td className="py-1 text-right tabular-nums">{number(d.mean)}</td>
                  <td className="py-1 text-right tabular-nums">{number(d.stdev)}</td>
                  <td className="py-1 text-right tabular-nums">{formatInteger(d.changes, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </CardContent>
    </Card>
  );
}

/**
 * One walk-forward: progress while its windows are optimised and tested, then the stitched
 * out-of-sample result, its efficiency, the windows one by one and how the chosen parameters moved.
 */
export function WalkForwardView({ id, onGone }: { id: string; onGone: () => void }) {
  const t = useT();
  const locale = useLocale();
  const query = useWalkForward(id);
  const remove = useDeleteWalkForward();
  const [confirm, setConfirm] = useState(false);
  const data = query.data;
  const queryClient = useQueryClient();
  const status = data?.status;
  // The list shows each walk-forward's state too: once this one has finished, it is asked again.
  useEffect(() => {
    if (status && !isWalkForwardActive(status)) void queryClient.invalidateQueries({ queryKey: robustnessKeys.walkForwards() });
  }, [status, queryClient]);
  const points = useMemo(() => equityPoints(data?.out_of_sample?.equity), [data?.out_of_sample?.equity]);
  const boundaries = useMemo(() => windowBoundaries(data?.windows ?? []), [data?.windows]);
  if (query.isError && !data) {
    return (
      <Card>
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      </Card>
    );
  }
  if (!data) return <Skeleton className="h-96" />;
  const active = isWalkForwardActive(data.status);
  const currency = data.settings?.currency;
  const done = data.windows.filter((w) => w.status === "completed").length;
  return (
    <div className="grid grid-cols-1 gap-4" data-testid="walk-forward-view" data-status={data.status}>
      <Card className="gap-3">
        <CardHeader>
          <CardTitle className="flex flex-wrap items-center gap-2 text-base">
            {data.strategy_name} · <span className="font-mono">{data.symbol}</span>
            <JobStatusBadge status={data.status} progress={active ? data.progress : undefined} />
          </CardTitle>
          <CardDescription className="break-keep">
            {data.interval} · {data.start_date} → {data.end_date} ·{" "}
            {t("optimize.maximising", { objective: metricLabel(data.objective, t) })} ·{" "}
            {t(`optimize.walkForward.modes.${data.windows_spec.mode}`)}
          </CardDescription>
          <CardAction>
            <Button
              variant="ghost"
              size="icon-sm"
              onClick={() => setConfirm(true)}
              aria-label={t(active ? "stop.walkForward" : "robustness.walkForward.delete")}
              title={t(active ? "stop.walkForward" : "robustness.walkForward.delete")}
            >
              {active ? <SquareIcon /> : <Trash2Icon />}
            </Button>
          </CardAction>
        </CardHeader>
        <CardContent className="grid gap-2">
          <div className="flex items-center justify-between text-sm">
            <span className="text-muted-foreground" data-testid="wf-progress">
              {t("robustness.walkForward.windowsDone", {
                done: formatInteger(done, locale),
                count: formatInteger(data.window_count, locale),
                combinations: formatInteger(data.combinations, locale),
              })}
            </span>
            <span className="font-medium tabular-nums">{data.progress}%</span>
          </div>
          <Progress value={data.progress} aria-label={t("backtests.progress")} />
          {data.status === "failed" && (
            <p className="text-sm text-destructive" data-testid="wf-error">
              {data.error ?? t("errors.unexpected")}
            </p>
          )}
          {data.completed_at && (
            <p className="text-xs text-muted-foreground">
              {t("optimize.finished", {
                when: formatRelativeTime(data.completed_at, locale),
                seconds: formatNumber((data.duration_ms ?? 0) / 1000, locale, { maximumFractionDigits: 1 }),
              })}
            </p>
          )}
        </CardContent>
      </Card>
      {data.out_of_sample && <Summary data={data} />}
      {points.length > 0 && (
        <Card className="gap-3">
          <CardHeading title={t("robustness.walkForward.stitchedTitle")} description={t("robustness.walkForward.stitchedDescription")} />
          <CardContent>
            <EquityLineChart
              points={points}
              boundaries={boundaries}
              format={(v) => formatMoney(v, currency, locale, { compact: true })}
              label={t("robustness.walkForward.stitchedTitle")}
              testId="wf-equity"
              timeZone={data.settings?.time_zone}
            />
          </CardContent>
        </Card>
      )}
      <Card className="gap-3">
        <CardHeader>
          <CardTitle className="text-base">{t("robustness.walkForward.windowsTitle")}</CardTitle>
        </CardHeader>
        <CardContent>
          <WindowsTable data={data} />
        </CardContent>
      </Card>
      <Drift data={data} />
      <ConfirmDialog
        open={confirm}
        onOpenChange={setConfirm}
        title={t(active ? "stop.walkForwardTitle" : "robustness.walkForward.deleteTitle")}
        description={t(active ? "stop.walkForwardDescription" : "robustness.walkForward.deleteDescription", {
          name: data.strategy_name ?? "",
          symbol: data.symbol,
        })}
        confirmLabel={t(active ? "stop.walkForward" : "robustness.walkForward.delete")}
        cancelLabel={active ? t("stop.keepRunning") : undefined}
        destructive
        pending={remove.isPending}
        onConfirm={() =>
          remove.mutate(id, {
            onSuccess: () => {
              setConfirm(false);
              if (active) void query.refetch();
              else onGone();
            },
            onError: () => toast.error(t("errors.unexpected")),
          })
        }
      />
    </div>
  );
}

/** The user's walk-forwards; picking one opens it, the bin beside it cancels a running one or deletes a finished one. */
export function WalkForwardsList({ current, onOpen }: { current: string | null; onOpen: (id: string | null) => void }) {
  const t = useT();
  const locale = useLocale();
  const query = useWalkForwards();
  const remove = useDeleteWalkForward();
  const [confirm, setConfirm] = useState<WalkForwardSummary | null>(null);
  const items = query.data?.items ?? [];
  const confirmActive = isWalkForwardActive(confirm?.status);
  return (
    <Card className="gap-3">
      <CardHeader>
        <CardTitle className="text-base">{t("robustness.walkForward.pastTitle")}</CardTitle>
        <CardDescription>{t("robustness.walkForward.pastCount", { count: query.data?.total_items ?? 0 })}</CardDescription>
      </CardHeader>
      <CardContent className="px-2">
        <QueryState
          query={query}
          loading={<LoadingRows count={2} rowClassName="h-12" className="px-3" />}
          empty={items.length === 0 && <p className="px-3 py-2 text-sm text-muted-foreground">{t("robustness.walkForward.pastEmpty")}</p>}
        >
          <ul className="grid gap-0.5" data-testid="walk-forwards-list">
            {items.map((w) => {
              const active = isWalkForwardActive(w.status);
              return (
                <li key={w.id} className="flex items-center gap-1">
                  <button
                    type="button"
                    onClick={() => onOpen(w.id)}
                    aria-current={w.id === current ? "true" : undefined}
                    className={cn(
                      "grid min-w-0 flex-1 grid-cols-[minmax(0,1fr)_auto_auto] items-center gap-2 rounded-lg px-3 py-2 text-left outline-none hover:bg-accent/50 focus-visible:ring-[3px] focus-visible:ring-ring/50",
                      w.id === current && "bg-accent/60",
                    )}
                  >
                    <span className="grid min-w-0 gap-0.5">
                      <span className="truncate text-sm font-medium">
                        {w.strategy_name} · <span className="font-mono">{w.symbol}</span>
                      </span>
                      <span className="truncate text-xs text-muted-foreground">
                        {t("robustness.walkForward.windowCount", { count: formatInteger(w.window_count, locale) })}
                        {w.efficiency != null &&
                          ` · ${t("robustness.walkForward.efficiencyShort", {
                            value: formatNumber(w.efficiency, locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
                          })}`}{" "}
                        · {formatRelativeTime(w.created_at, locale)}
                      </span>
                    </span>
                    <JobStatusBadge status={w.status} progress={active ? w.progress : undefined} />
                    <ChevronRightIcon className="size-4 text-muted-foreground" aria-hidden />
                  </button>
                  <Button
                    variant="ghost"
                    size="icon-sm"
                    aria-label={t(active ? "stop.walkForward" : "robustness.walkForward.delete")}
                    title={t(active ? "stop.walkForward" : "robustness.walkForward.delete")}
                    onClick={() => setConfirm(w)}
                  >
                    {active ? <SquareIcon /> : <Trash2Icon />}
                  </Button>
                </li>
              );
            })}
          </ul>
        </QueryState>
      </CardContent>
      <ConfirmDialog
        open={confirm !== null}
        onOpenChange={(open) => !open && setConfirm(null)}
        title={t(confirmActive ? "stop.walkForwardTitle" : "robustness.walkForward.deleteTitle")}
        description={t(confirmActive ? "stop.walkForwardDescription" : "robustness.walkForward.deleteDescription", {
          name: confirm?.strategy_name ?? "",
          symbol: confirm?.symbol ?? "",
        })}
        confirmLabel={t(confirmActive ? "stop.walkForward" : "robustness.walkForward.delete")}
        cancelLabel={confirmActive ? t("stop.keepRunning") : undefined}
        destructive
        pending={remove.isPending}
        onConfirm={() => {
          const target = confirm;
          if (!target) return;
          remove.mutate(target.id, {
            onSuccess: () => {
              setConfirm(null);
              if (target.id === current && !isWalkForwardActive(target.status)) onOpen(null);
            },
            onError: () => toast.error(t("errors.unexpected")),
          });
        }}
      />
    </Card>
  );
}

export function NoWalkForward() {
  const t = useT();
  return (
    <Card>
      <EmptyState
        icon={FootprintsIcon}
        title={t("robustness.walkForward.noneTitle")}
        description={t("robustness.walkForward.noneDescription")}
      />
    </Card>
  );
}
