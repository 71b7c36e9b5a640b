"use client";

import { ExternalLinkIcon, FlaskConicalIcon, SlidersHorizontalIcon } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { UseFormReturn } from "react-hook-form";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Progress } from "@/components/ui/progress";
import { Spinner } from "@/components/ui/spinner";
import { isApiError } from "@/lib/api/errors";
import type { SchemaBacktestResponse } from "@/lib/api/schema";
import { useLocale, useT } from "@/lib/i18n";
import { formatMetric, metricLabel, metricTone, metricValue, toneClass } from "@/lib/metrics";
import { cn } from "@/lib/utils";
import { getQuickTestResult, startQuickTest, waitForRun, type QuickTestSample } from "../api/quick-test";
import { toRequest, useSaveStrategy, type StrategyFormValues } from "../api/save-strategy";

const SHOWN = ["total_return", "cagr", "max_drawdown", "sharpe_ratio", "win_rate", "trade_count"] as const;

type State =
  | { step: "idle" }
  | { step: "saving" }
  | { step: "running"; runId: string; sample: QuickTestSample; progress: number; status: string }
  | { step: "done"; runId: string; sample: QuickTestSample; run: SchemaBacktestResponse }
  | { step: "error"; message: string; runId?: string };

/**
 * The editor's "Test" action: checks the code compiles, saves the strategy when it has changes (or is
 * new), runs a quick backtest on the sample data (AAPL daily 2013 by default) and shows its key
 * metrics in place, with the way to the full result.
 */
export function QuickTest({
  strategyId,
  form,
  compiles,
}: {
  strategyId: string | null;
  form: UseFormReturn<StrategyFormValues>;
  /** Whether the compiler accepts the current code (from the live validation). */
  compiles: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const router = useRouter();
  const save = useSaveStrategy(strategyId);
  const [open, setOpen] = useState(false);
  const [state, setState] = useState<State>({ step: "idle" });
  const [savedId, setSavedId] = useState<string | null>(strategyId);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const start = async () => {
    if (!compiles) {
      setOpen(true);
      setState({ step: "error", message: t("strategyTest.fixFirst") });
      return;
    }
    if (!(await form.trigger())) return;
    setOpen(true);
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    try {
      let id = strategyId;
      if (!id || form.formState.isDirty) {
        setState({ step: "saving" });
        const values = form.getValues();
        const saved = await save.mutateAsync(toRequest(values));
        form.reset(values);
        id = saved.id ?? null;
        setSavedId(id);
      }
      if (!id) throw new Error("not saved");
      const { runId, sample } = await startQuickTest(id);
      setState({ step: "running", runId, sample, progress: 0, status: "pending" });
      const final = await waitForRun(
        runId,
        (status) =>
          setState((s) => (s.step === "running" ? { ...s, progress: status.progress ?? 0, status: status.status ?? s.status } : s)),
        controller.signal,
      );
      if (!final || controller.signal.aborted) return;
      if (final.status !== "completed") {
        setState({ step: "error", message: final.error ?? t("strategyTest.failed"), runId });
        return;
      }
      setState({ step: "done", runId, sample, run: await getQuickTestResult(runId) });
    } catch (error) {
      if (controller.signal.aborted) return;
      setState({
        step: "error",
        message: isApiError(error)
          ? error.is("/problems/invalid-strategy")
            ? t("strategyTest.fixFirst")
            : error.status === 429
              ? t("strategyTest.tooMany")
              : error.status === 0
                ? t("errors.network")
                : (error.detail ?? error.title)
          : t("strategyTest.noData"),
      });
    }
  };

  const close = (next: boolean) => {
    setOpen(next);
    if (next) return;
    abort.current?.abort();
    // A new strategy saved by the test now has an address of its own.
    if (!strategyId && savedId) router.replace(`/strategies/${savedId}`);
  };

  const busy = state.step === "saving" || state.step === "running";
  const metrics = state.step === "done" ? state.run.result?.metrics : undefined;
  const currency = state.step === "done" ? state.run.settings?.currency : undefined;
  const runId = state.step === "running" || state.step === "done" || state.step === "error" ? state.runId : undefined;
  const sample = state.step === "running" || state.step === "done" ? state.sample : undefined;

  return (
    <>
      <Button type="button" variant="outline" onClick={() => void start()} disabled={busy} data-testid="test-strategy">
        {busy ? <Spinner /> : <FlaskConicalIcon />}
        {t("strategyTest.action")}
      </Button>
      <Dialog open={open} onOpenChange={close}>
        <DialogContent closeLabel={t("common.close")} data-testid="quick-test">
          <DialogHeader>
            <DialogTitle>{t("strategyTest.title")}</DialogTitle>
            <DialogDescription>
              {sample
                ? t("strategyTest.sample", {
                    symbol: sample.symbol,
                    interval: sample.interval,
                    start: sample.start_date,
                    end: sample.end_date,
                  })
                : t("strategyTest.description")}
            </DialogDescription>
          </DialogHeader>
          {state.step === "saving" && (
            <p className="flex items-center gap-2 text-sm text-muted-foreground">
              <Spinner /> {t("strategyTest.saving")}
            </p>
          )}
          {state.step === "running" && (
            <div className="grid gap-2" aria-live="polite">
              <p className="flex items-center justify-between text-sm">
                <span className="flex items-center gap-2 text-muted-foreground">
                  <Spinner />
                  {state.status === "pending" ? t("backtests.live.pending") : t("backtests.live.running")}
                </span>
                <span className="font-medium tabular-nums">{state.progress}%</span>
              </p>
              <Progress value={state.progress} aria-label={t("backtests.progress")} />
            </div>
          )}
          {state.step === "error" && (
            <Alert variant="destructive">
              <AlertTitle>{t("strategyTest.failed")}</AlertTitle>
              <AlertDescription>{state.message}</AlertDescription>
            </Alert>
          )}
          {state.step === "done" && (
            <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3" data-testid="quick-test-metrics">
              {SHOWN.map((name) => {
                const value = metricValue(metrics, name);
                const tone = metricTone(name, value);
                return (
                  <div key={name} className="rounded-lg border px-3 py-2">
                    <dt className="text-xs text-muted-foreground">{metricLabel(name, t)}</dt>
                    <dd className={cn("text-lg font-semibold tabular-nums", toneClass(tone))}>
                      {formatMetric(name, value, { currency, locale, t, metrics })}
                    </dd>
                  </div>
                );
              })}
            </dl>
          )}
          <DialogFooter>
            {savedId && (
              <Button asChild variant="outline">
                <Link href={`/backtests/new?strategy_id=${savedId}`}>
                  <SlidersHorizontalIcon />
                  {t("strategyTest.otherSettings")}
                </Link>
              </Button>
            )}
            {runId && (
              <Button asChild>
                <Link href={`/backtests/${runId}`} data-testid="quick-test-open">
                  <ExternalLinkIcon />
                  {t("strategyTest.openResult")}
                </Link>
              </Button>
            )}
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </>
  );
}
