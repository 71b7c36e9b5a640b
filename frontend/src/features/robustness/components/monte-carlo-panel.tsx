"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { DicesIcon, Trash2Icon } from "lucide-react";
import { useMemo, useState } from "react";
import { useForm, useWatch, type FieldPath } from "react-hook-form";
import { ConfirmDialog } from "@/components/layouts/confirm-dialog";
import { ErrorState, LoadingRows, QueryState } from "@/components/layouts/states";
import { NumberField, SelectField } from "@/components/forms/fields";
import { Form } from "@/components/forms/form";
import { FormError } from "@/components/forms/form-error";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { errorMessage, isApiError } from "@/lib/api/errors";
import { formatInteger, formatMoney, formatPercent, formatRelativeTime } from "@/lib/format";
import { useLocale, useT } from "@/lib/i18n";
import { cn } from "@/lib/utils";
import { useCreateMonteCarlo } from "../api/create-monte-carlo";
import { useDeleteMonteCarlo } from "../api/delete-monte-carlo";
import { isMonteCarloActive, useMonteCarlo } from "../api/get-monte-carlo";
import { useMonteCarlos } from "../api/get-monte-carlos";
import type { MonteCarloResponse, Percentiles } from "../api/types";
import { fanPoints, histogramBars } from "../lib/charts";
import {
  defaultMonteCarloValues,
  MAX_PATHS,
  MONTE_CARLO_METHODS,
  monteCarloFieldFor,
  monteCarloFormSchema,
  toMonteCarloRequest,
  type MonteCarloFormValues,
} from "../lib/monte-carlo-form";
import { monteCarloReading } from "../lib/readings";
import { FanChart, HistogramChart } from "./robustness-charts";
import { CardHeading, Figure, JobStatusBadge, ReadingNote } from "./robustness-bits";

export interface MonteCarloRun {
  id: string;
  initialCapital: number | null | undefined;
  currency: string | null | undefined;
}

function MonteCarloForm({ run, onStarted }: { run: MonteCarloRun; onStarted: (id: string) => void }) {
  const t = useT();
  const locale = useLocale();
  const create = useCreateMonteCarlo(run.id);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<MonteCarloFormValues>({
    resolver: zodResolver(monteCarloFormSchema),
    defaultValues: defaultMonteCarloValues(run.initialCapital),
  });
  const method = useWatch({ control: form.control, name: "method" });
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const started = await create.mutateAsync(toMonteCarloRequest(values));
      onStarted(started.id);
    } catch (error) {
      if (!isApiError(error)) return setFormError(t("errors.unexpected"));
      const rest: string[] = [];
      for (const fieldError of error.fieldErrors) {
        const field = monteCarloFieldFor(fieldError.field);
        if (field) form.setError(field as FieldPath<MonteCarloFormValues>, { type: "server", message: fieldError.message });
        else rest.push(fieldError.message);
      }
      if (rest.length > 0 || error.fieldErrors.length === 0) setFormError(rest.join(" · ") || errorMessage(error, t));
    }
  });
  return (
    <Form {...form}>
      <form onSubmit={onSubmit} noValidate className="grid gap-3" data-testid="mc-form">
        {formError && <FormError title={t("errors.title")}>{formError}</FormError>}
        <div className="grid grid-cols-1 items-start gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <SelectField
            control={form.control}
            name="method"
            label={t("robustness.monteCarlo.method")}
            options={MONTE_CARLO_METHODS.map((m) => ({ value: m, label: t(`robustness.monteCarlo.methods.${m}`) }))}
            data-testid="mc-method"
          />
          <NumberField
            control={form.control}
            name="paths"
            label={t("robustness.monteCarlo.pathsLabel")}
            description={t("robustness.monteCarlo.pathsHint", { max: formatInteger(MAX_PATHS, locale) })}
            step={1}
            min={1}
            max={MAX_PATHS}
            data-testid="mc-paths"
          />
          <NumberField
            control={form.control}
            name="seed"
            label={t("robustness.monteCarlo.seed")}
            placeholder={t("robustness.monteCarlo.seedPlaceholder")}
            step={1}
            data-testid="mc-seed"
          />
          <NumberField
            control={form.control}
            name="ruin_equity"
            label={t("robustness.monteCarlo.ruinEquity")}
            unit={(run.currency ?? "").toUpperCase()}
            min={0}
            data-testid="mc-ruin"
          />
          {method === "block_bootstrap" && (
            <NumberField
              control={form.control}
              name="block_length"
              label={t("robustness.monteCarlo.blockLength")}
              placeholder={t("robustness.monteCarlo.blockLengthPlaceholder")}
              step={1}
              min={1}
              data-testid="mc-block-length"
            />
          )}
        </div>
        <p className="text-xs break-keep text-muted-foreground">{t(`robustness.monteCarlo.methodHints.${method}`)}</p>
        <Button type="submit" className="justify-self-start" disabled={create.isPending} data-testid="mc-start">
          {create.isPending ? <Spinner /> : <DicesIcon />}
          {t("robustness.monteCarlo.start")}
        </Button>
      </form>
    </Form>
  );
}

const PERCENTILE_COLUMNS = ["p5", "p25", "p50", "p75", "p95", "mean"] as const;

function PercentileTable({ analysis, currency }: { analysis: MonteCarloResponse; currency: string | null | undefined }) {
  const t = useT();
  const locale = useLocale();
  const unit = analysis.step_unit === "bar" ? "robustness.monteCarlo.bars" : "robustness.monteCarlo.trades";
  const steps = (v: number | null | undefined) => (v == null ? "—" : t(unit, { count: formatInteger(v, locale) }));
  // The run's own longest drawdown is measured on its bars, whatever the paths step by.
  const bars = (v: number | null | undefined) => (v == null ? "—" : t("robustness.monteCarlo.bars", { count: formatInteger(v, locale) }));
  const rows: {
    key: string;
    label: string;
    values: Percentiles | null;
    own: number | null | undefined;
    format: (v: number | null | undefined) => string;
    formatOwn?: (v: number | null | undefined) => string;
  }[] = [
    {
      key: "final_equity",
      label: t("robustness.monteCarlo.finalEquity"),
      values: analysis.final_equity,
      own: analysis.original?.final_equity,
      format: (v) => formatMoney(v, currency, locale),
    },
    {
      key: "max_drawdown",
      label: t("robustness.monteCarlo.maxDrawdown"),
      values: analysis.max_drawdown,
      own: analysis.original?.max_drawdown,
      format: (v) => formatPercent(v, locale),
    },
    {
      key: "cagr",
      label: t("robustness.monteCarlo.cagr"),
      values: analysis.cagr,
      own: analysis.original?.cagr,
      format: (v) => formatPercent(v, locale, { signed: true }),
    },
    {
      key: "longest_drawdown",
      label: t("robustness.monteCarlo.longestDrawdown"),
      values: analysis.longest_drawdown,
      own: analysis.original?.longest_drawdown,
      format: steps,
      formatOwn: bars,
    },
  ];
  return (
    <div className="overflow-x-auto rounded-lg border">
      <table className="w-full min-w-[40rem] text-sm" aria-label={t("robustness.monteCarlo.tableTitle")} data-testid="mc-percentiles">
        <thead className="bg-muted/40 text-xs text-muted-foreground">
          <tr>
            <th scope="col" className="px-3 py-2 text-left font-medium">
              <span className="sr-only">{t("robustness.monteCarlo.statistic")}</span>
            </th>
            {PERCENTILE_COLUMNS.map((c) => (
              <th key={c} scope="col" className="px-3 py-2 text-right font-medium">
                {t(`robustness.monteCarlo.columns.${c}`)}
              </th>
            ))}
            <th scope="col" className="px-3 py-2 text-right font-medium text-foreground">
              {t("robustness.monteCarlo.yourRun")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className="border-t" data-row={row.key}>
              <th scope="row" className="px-3 py-1.5 text-left font-medium whitespace-nowrap">
                {row.label}
              </th>
              {PERCENTILE_COLUMNS.map((c) => (
                <td key={c} className="px-3 py-1.5 text-right tabular-nums">
                  {row.format(row.values?.[c])}
                </td>
              ))}
              <td className="px-3 py-1.5 text-right font-semibold tabular-nums">{(row.formatOwn ?? row.format)(row.own)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function MonteCarloReadingNotes({ analysis, currency }: { analysis: MonteCarloResponse; currency: string | null | undefined }) {
  const t = useT();
  const locale = useLocale();
  const reading = monteCarloReading(analysis);
  const paths = t(`robustness.monteCarlo.pathsNoun.${analysis.method}`);
  return (
    <div className="grid gap-2" data-testid="mc-reading">
      {reading.drawdown && (
        <ReadingNote
          verdict={reading.drawdown.luck === "lucky" ? "caution" : "good"}
          text="robustness.monteCarlo.readingDrawdown"
          vars={{
            paths,
            p5: formatPercent(reading.drawdown.p5, locale, { digits: 1 }),
            own: formatPercent(reading.drawdown.original, locale, { digits: 1 }),
            luck: t(reading.drawdown.luckKey),
          }}
          testId="mc-reading-drawdown"
        />
      )}
      {reading.finalEquity && (
        <ReadingNote
          verdict={reading.finalEquity.luck === "lucky" ? "caution" : "good"}
          text="robustness.monteCarlo.readingEquity"
          vars={{
            paths,
            p50: formatMoney(reading.finalEquity.p50, currency, locale),
            p5: formatMoney(reading.finalEquity.p5, currency, locale),
            own: formatMoney(reading.finalEquity.original, currency, locale),
            luck: t(reading.finalEquity.luckKey),
          }}
          testId="mc-reading-equity"
        />
      )}
      {reading.ruin && (
        <ReadingNote
          verdict={reading.ruin.verdict}
          text="robustness.monteCarlo.readingRuin"
          vars={{
            probability: formatPercent(reading.ruin.probability, locale, { digits: 1 }),
            ruin: formatMoney(analysis.ruin_equity, currency, locale),
          }}
          testId="mc-reading-ruin"
        />
      )}
    </div>
  );
}

/** One analysis: progress while its paths are drawn, then the table, the readings and the charts. */
export function MonteCarloResult({ runId, id, currency }: { runId: string; id: string; currency: string | null | undefined }) {
  const t = useT();
  const locale = useLocale();
  const query = useMonteCarlo(runId, id);
  const analysis = query.data;
  const fan = useMemo(() => fanPoints(analysis?.bands), [analysis?.bands]);
  if (query.isError && !analysis) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!analysis) return <Skeleton className="h-64" />;
  const money = (v: number) => formatMoney(v, currency, locale, { compact: true });
  const percent = (v: number) => formatPercent(v, locale, { digits: 1 });
  return (
    <div className="grid gap-4" data-testid="mc-result" data-status={analysis.status}>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <JobStatusBadge status={analysis.status} />
        <span className="break-keep text-muted-foreground">
          {t(`robustness.monteCarlo.methods.${analysis.method}`)} ·{" "}
          {t("robustness.monteCarlo.pathCount", { count: formatInteger(analysis.paths, locale) })} ·{" "}
          {t("robustness.monteCarlo.seedIs", { seed: String(analysis.seed) })}
          {analysis.block_length != null &&
            ` · ${t("robustness.monteCarlo.blockIs", { length: formatInteger(analysis.block_length, locale) })}`}
        </span>
      </div>
      {isMonteCarloActive(analysis.status) && (
        <p className="flex items-center gap-2 text-sm text-muted-foreground" data-testid="mc-computing">
          <Spinner />
          {t("robustness.monteCarlo.computing")}
        </p>
      )}
      {analysis.status === "failed" && (
        <p className="text-sm text-destructive" data-testid="mc-failed">
          {analysis.error ?? t("errors.unexpected")}
        </p>
      )}
      {analysis.status === "completed" && (
        <>
          <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            <Figure
              label={t("robustness.monteCarlo.probabilityOfRuin")}
              value={formatPercent(analysis.probability_of_ruin, locale, { digits: 1 })}
              testId="mc-ruin-probability"
            />
            <Figure label={t("robustness.monteCarlo.ruinEquity")} value={formatMoney(analysis.ruin_equity, currency, locale)} />
            <Figure
              label={t("robustness.monteCarlo.steps")}
              value={t(analysis.step_unit === "bar" ? "robustness.monteCarlo.bars" : "robustness.monteCarlo.trades", {
                count: formatInteger(analysis.steps, locale),
              })}
            />
            <Figure label={t("robustness.monteCarlo.seed")} value={String(analysis.seed)} testId="mc-seed-used" />
          </div>
          <MonteCarloReadingNotes analysis={analysis} currency={currency} />
          <PercentileTable analysis={analysis} currency={currency} />
          <section className="grid gap-1">
            <h3 className="text-sm font-medium">{t("robustness.monteCarlo.fanTitle")}</h3>
            <FanChart
              points={fan}
              stepLabel={t(analysis.step_unit === "bar" ? "robustness.monteCarlo.barAxis" : "robustness.monteCarlo.tradeAxis")}
              format={money}
              label={t("robustness.monteCarlo.fanTitle")}
            />
          </section>
          <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
            <section className="grid gap-1">
              <h3 className="text-sm font-medium">{t("robustness.monteCarlo.finalEquityHistogram")}</h3>
              <HistogramChart
                bars={histogramBars(analysis.histograms?.final_equity, analysis.original?.final_equity)}
                format={money}
                label={t("robustness.monteCarlo.finalEquityHistogram")}
                testId="mc-histogram-equity"
              />
            </section>
            <section className="grid gap-1">
              <h3 className="text-sm font-medium">{t("robustness.monteCarlo.maxDrawdownHistogram")}</h3>
              <HistogramChart
                bars={histogramBars(analysis.histograms?.max_drawdown, analysis.original?.max_drawdown)}
                format={percent}
                label={t("robustness.monteCarlo.maxDrawdownHistogram")}
                testId="mc-histogram-drawdown"
              />
            </section>
          </div>
        </>
      )}
    </div>
  );
}

function EarlierAnalyses({ runId, current, onOpen }: { runId: string; current: string | null; onOpen: (id: string | null) => void }) {
  const t = useT();
  const locale = useLocale();
  const query = useMonteCarlos(runId);
  const remove = useDeleteMonteCarlo(runId);
  const [confirm, setConfirm] = useState<string | null>(null);
  const items = query.data ?? [];
  return (
    <section className="grid gap-2">
      <h3 className="text-sm font-medium">{t("robustness.monteCarlo.earlier")}</h3>
      <QueryState
        query={query}
        loading={<LoadingRows count={2} rowClassName="h-10" />}
        empty={items.length === 0 && <p className="text-sm text-muted-foreground">{t("robustness.monteCarlo.none")}</p>}
      >
        <ul className="grid gap-0.5" data-testid="mc-list">
          {items.map((m) => (
            <li key={m.id} className="flex items-center gap-1">
              <button
                type="button"
                onClick={() => onOpen(m.id)}
                aria-current={m.id === current ? "true" : undefined}
                className={cn(
                  "flex min-w-0 flex-1 flex-wrap items-center gap-2 rounded-lg px-3 py-2 text-left text-sm hover:bg-accent/50",
                  m.id === current && "bg-accent/60",
                )}
              >
                <JobStatusBadge status={m.status} />
                <span className="break-keep">{t(`robustness.monteCarlo.methods.${m.method}`)}</span>
                <span className="text-muted-foreground tabular-nums">
                  {t("robustness.monteCarlo.pathCount", { count: formatInteger(m.paths, locale) })} ·{" "}
                  {m.probability_of_ruin != null &&
                    `${t("robustness.monteCarlo.ruinShort", { probability: formatPercent(m.probability_of_ruin, locale, { digits: 1 }) })} · `}
                  {formatRelativeTime(m.created_at, locale)}
                </span>
              </button>
              <Button variant="ghost" size="icon-sm" aria-label={t("robustness.monteCarlo.delete")} onClick={() => setConfirm(m.id)}>
                <Trash2Icon />
              </Button>
            </li>
          ))}
        </ul>
      </QueryState>
      <ConfirmDialog
        open={confirm !== null}
        onOpenChange={(open) => !open && setConfirm(null)}
        title={t("robustness.monteCarlo.deleteTitle")}
        description={t("robustness.monteCarlo.deleteDescription")}
        confirmLabel={t("robustness.monteCarlo.delete")}
        destructive
        pending={remove.isPending}
        onConfirm={() => {
          const id = confirm;
          if (!id) return;
          remove.mutate(id, {
            onSettled: () => {
              setConfirm(null);
              if (id === current) onOpen(null);
            },
          });
        }}
      />
    </section>
  );
}

/**
 * Monte Carlo of a completed run: resample its trades (or blocks of its returns) into many paths and
 * see how much of its result the order or the draw of the trades could have changed.
 */
export function MonteCarloPanel({ run }: { run: MonteCarloRun }) {
  const t = useT();
  const list = useMonteCarlos(run.id);
  const [picked, setPicked] = useState<string | null | undefined>(undefined);
  // Until one is picked (or the open one deleted), the newest analysis is shown.
  const open = picked === undefined ? (list.data?.[0]?.id ?? null) : picked;
  return (
    <Card className="gap-4" data-testid="monte-carlo">
      <CardHeading title={t("robustness.monteCarlo.title")} description={t("robustness.monteCarlo.description")} />
      <CardContent className="grid gap-6">
        <MonteCarloForm run={run} onStarted={setPicked} />
        {open && <MonteCarloResult key={open} runId={run.id} id={open} currency={run.currency} />}
        <EarlierAnalyses runId={run.id} current={open} onOpen={setPicked} />
      </CardContent>
    </Card>
  );
}
