"use client";

import { PriceFields } from "@/components/forms/price-fields";
import { isKrxSymbol } from "@/lib/prices";
import { zodResolver } from "@hookform/resolvers/zod";
import { FootprintsIcon, PlusIcon, SearchCodeIcon, Trash2Icon } from "lucide-react";
import { useEffect, useMemo, useRef, useState, type ComponentProps } from "react";
import { useFieldArray, useForm, useWatch, type Control, type FieldPath, type Resolver } from "react-hook-form";
import { Form, FormControl, FormField, FormItem, FormMessage } from "@/components/forms/form";
import { FormError } from "@/components/forms/form-error";
import { InputField, NumberField, SelectField } from "@/components/forms/fields";
import { CapitalField, findSymbol, MarketRangeFields } from "@/components/forms/market-range-fields";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { errorMessage, isApiError } from "@/lib/api/errors";
import type { SchemaStrategyParameter } from "@/lib/api/schema";
import { formatInteger, parseNumber } from "@/lib/format";
import { isTranslationKey, useLocale, useT } from "@/lib/i18n";
import { KNOWN_METRICS, metricLabel, OBJECTIVES, TIME_METRICS } from "@/lib/metrics";
import { cn } from "@/lib/utils";
import { useCreateOptimization } from "../api/create-optimization";
import { useStrategyOptions, useSymbolOptions } from "../api/get-form-options";
import {
  CONSTRAINT_OPS,
  CSCV_MAX,
  CSCV_MIN,
  defaultRanges,
  emptyOptimizeValues,
  gridSize,
  MAX_COMBINATIONS,
  MAX_GAP_BARS,
  MAX_HOLD_OUT_PERCENT,
  MAX_WINDOWS,
  optimizeFieldFor,
  optimizeFormSchema,
  rangeCount,
  OUT_OF_SAMPLE_CHOICES,
  PERIOD_UNITS,
  toOptimizeRequest,
  toWalkForwardRequest,
  WINDOW_MODES,
  WINDOW_SIZINGS,
  type OptimizeFormValues,
  type OptimizeMode,
  type WalkForwardBody,
} from "../lib/optimize-form";

const CONSTRAINT_METRICS = KNOWN_METRICS.filter((m) => !TIME_METRICS.has(m));

/** A number in a cell of the ranges or constraints grid: named by its aria-label, its message small under it. */
function CellNumber({
  control,
  name,
  className,
  ...inputProps
}: {
  control: Control<OptimizeFormValues>;
  name: `ranges.${string}.${"from" | "to" | "step"}` | `constraints.${number}.value`;
} & Omit<ComponentProps<"input">, "name" | "value" | "defaultValue" | "onChange" | "onBlur" | "ref">) {
  return (
    <FormField
      control={control}
      name={name}
      render={({ field }) => (
        <FormItem className="gap-1">
          <FormControl>
            <Input {...field} type="number" inputMode="decimal" step="any" {...inputProps} className={cn("px-2 tabular-nums", className)} />
          </FormControl>
          <FormMessage className="text-xs" />
        </FormItem>
      )}
    />
  );
}

/**
 * Starts a parameter optimisation: the backtest to vary, a range per parameter (the strategy's
 * declared ranges to begin with, kept to a few hundred combinations), the objective to maximise and
 * optional constraints. The grid size is shown as it changes; over 10,000 is refused here as by the API.
 */
export function OptimizationForm({
  onStarted,
  mode = "grid",
  startWalkForward,
}: {
  onStarted: (id: string) => void;
  /** A grid search over the whole range (with an optional held-out part), or a walk-forward. */
  mode?: OptimizeMode;
  /** Starts a walk-forward (the robustness feature's call, composed by the route); its id. */
  startWalkForward?: (body: WalkForwardBody) => Promise<string | undefined>;
}) {
  const t = useT();
  const locale = useLocale();
  const strategies = useStrategyOptions();
  const symbols = useSymbolOptions();
  const create = useCreateOptimization();
  const [formError, setFormError] = useState<string | null>(null);
  const context = useRef<{ parameters: SchemaStrategyParameter[] }>({ parameters: [] });
  const resolver: Resolver<OptimizeFormValues> = (values, ctx, options) =>
    zodResolver(optimizeFormSchema({ ...context.current, t, mode }))(values, ctx, options as never) as ReturnType<
      Resolver<OptimizeFormValues>
    >;
  const form = useForm<OptimizeFormValues>({ resolver, defaultValues: emptyOptimizeValues() });
  const constraints = useFieldArray({ control: form.control, name: "constraints" });
  const strategyId = useWatch({ control: form.control, name: "strategy_id" });
  const symbolCode = useWatch({ control: form.control, name: "symbol" });
  const ranges = useWatch({ control: form.control, name: "ranges" });
  const options = strategies.data?.items ?? [];
  const strategy = options.find((s) => s.id === strategyId);
  const parameters = useMemo(() => strategy?.parameters ?? [], [strategy]);
  const symbol = findSymbol(symbols.data, symbolCode);
  const size = gridSize(ranges ?? {});
  useEffect(() => {
    context.current = { parameters };
  }, [parameters]);

  const pickStrategy = (id: string) => {
    const picked = options.find((s) => s.id === id);
    form.setValue("ranges", defaultRanges(picked?.parameters ?? []));
    form.clearErrors();
  };

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      if (mode === "walk-forward") {
        if (!startWalkForward) return;
        const id = await startWalkForward(toWalkForwardRequest(values, parameters, isKrxSymbol(symbol)));
        if (id) onStarted(id);
        return;
      }
      const started = await create.mutateAsync(toOptimizeRequest(values, parameters, isKrxSymbol(symbol)));
      if (started.id) onStarted(started.id);
    } catch (error) {
      if (!isApiError(error)) {
        setFormError(t("errors.unexpected"));
        return;
      }
      if (error.status === 429) {
        setFormError(t("backtests.form.tooManyRuns"));
        return;
      }
      const rest: string[] = [];
      error.fieldErrors.forEach((fieldError, i) => {
        const field = optimizeFieldFor(fieldError.field);
        if (field)
          form.setError(field as FieldPath<OptimizeFormValues>, { type: "server", message: fieldError.message }, { shouldFocus: i === 0 });
        else rest.push(fieldError.field ? `${fieldError.field}: ${fieldError.message}` : fieldError.message);
      });
      if (rest.length > 0 || error.fieldErrors.length === 0) setFormError(rest.join(" · ") || errorMessage(error, t));
    }
  });

  const walkForward = mode === "walk-forward";
  const rangesError =
    form.formState.errors.ranges?.root?.message ?? (form.formState.errors.ranges as { message?: string } | undefined)?.message;

  return (
    <Card className="gap-4">
      <CardHeader>
        <CardTitle className="text-base">{t(walkForward ? "optimize.walkForward.formTitle" : "optimize.formTitle")}</CardTitle>
        <CardDescription className="break-keep">
          {t(walkForward ? "optimize.walkForward.formDescription" : "optimize.formDescription")}
        </CardDescription>
      </CardHeader>
      <CardContent>
        <Form {...form}>
          <form onSubmit={onSubmit} noValidate className="grid gap-4" data-testid={walkForward ? "walk-forward-form" : "optimize-form"}>
            {formError && <FormError title={t("errors.title")}>{formError}</FormError>}
            <SelectField
              control={form.control}
              name="strategy_id"
              label={t("backtests.form.strategy")}
              options={options.map((s) => ({ value: s.id ?? "", label: s.name }))}
              placeholder={t("backtests.form.strategyPlaceholder")}
              onValueChange={pickStrategy}
              data-testid="optimize-strategy"
            />
            <MarketRangeFields
              symbols={symbols.data ?? []}
              loading={symbols.isPending}
              symbol={symbol}
              symbolTestId="optimize-symbol"
              className="gap-3"
            />
            <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
              <CapitalField currency={symbol?.currency ?? ""} />
              <SelectField
                control={form.control}
                name="objective"
                label={t("optimize.objective")}
                options={OBJECTIVES.map((objective) => ({ value: objective, label: metricLabel(objective, t) }))}
                data-testid="optimize-objective"
              />
            </div>

            <fieldset className="grid gap-2" data-testid="optimize-ranges">
              <legend className="mb-1 text-sm font-medium">{t("optimize.ranges")}</legend>
              {!strategy ? (
                <p className="text-sm text-muted-foreground">{t("backtests.form.pickStrategyFirst")}</p>
              ) : parameters.length === 0 ? (
                <p className="text-sm text-muted-foreground">{t("optimize.noParameters")}</p>
              ) : (
                <div className="grid gap-2">
                  <div className="grid grid-cols-[minmax(5rem,1fr)_repeat(3,minmax(0,5rem))_3rem] gap-2 text-xs text-muted-foreground">
                    <span>{t("optimize.parameter")}</span>
                    <span>{t("optimize.from")}</span>
                    <span>{t("optimize.to")}</span>
                    <span>{t("optimize.step")}</span>
                    <span className="text-right">{t("optimize.values")}</span>
                  </div>
                  {parameters.map((p) => {
                    const name = p.name!;
                    const r = ranges?.[name];
                    const count = r?.enabled
                      ? rangeCount(parseNumber(r.from) ?? NaN, parseNumber(r.to) ?? NaN, parseNumber(r.step) ?? NaN)
                      : 1;
                    return (
                      <div key={name} className="grid grid-cols-[minmax(5rem,1fr)_repeat(3,minmax(0,5rem))_3rem] items-start gap-2">
                        <label className="flex h-9 items-center gap-2 font-mono text-sm">
                          <input
                            type="checkbox"
                            className="size-4 accent-(--primary)"
                            checked={!!r?.enabled}
                            onChange={(event) => form.setValue(`ranges.${name}.enabled`, event.target.checked)}
                            aria-label={t("optimize.vary", { name })}
                          />
                          <span className="truncate">{name}</span>
                        </label>
                        {(["from", "to", "step"] as const).map((part) => (
                          <CellNumber
                            key={part}
                            control={form.control}
                            name={`ranges.${name}.${part}`}
                            aria-label={`${name} ${t(`optimize.${part}`)}`}
                            disabled={part !== "from" && !r?.enabled}
                            className="h-9"
                            data-range={`${name}.${part}`}
                          />
                        ))}
                        <span className="flex h-9 items-center justify-end text-sm text-muted-foreground tabular-nums">
                          {formatInteger(count || 0, locale)}
                        </span>
                      </div>
                    );
                  })}
                </div>
              )}
              <p
                className={cn("text-sm tabular-nums", size > MAX_COMBINATIONS ? "text-destructive" : "text-muted-foreground")}
                data-testid="grid-size"
                aria-live="polite"
              >
                {t("optimize.gridSize", { count: formatInteger(size, locale), max: formatInteger(MAX_COMBINATIONS, locale) })}
              </p>
              {rangesError && (
                <p role="alert" className="text-sm text-destructive">
                  {isTranslationKey(rangesError) ? t(rangesError) : rangesError}
                </p>
              )}
            </fieldset>

            <fieldset className="grid gap-2">
              <legend className="mb-1 text-sm font-medium">{t("optimize.constraints")}</legend>
              {constraints.fields.length === 0 && <p className="text-sm text-muted-foreground">{t("optimize.noConstraints")}</p>}
              {constraints.fields.map((item, index) => (
                <div key={item.id} className="grid grid-cols-[minmax(0,1fr)_4.5rem_5rem_2.25rem] items-start gap-2">
                  <FormField
                    control={form.control}
                    name={`constraints.${index}.metric`}
                    render={({ field }) => (
                      <FormItem className="gap-1">
                        <Select value={field.value} onValueChange={field.onChange}>
                          <FormControl>
                            <SelectTrigger className="w-full" aria-label={t("optimize.constraintMetric")}>
                              <SelectValue />
                            </SelectTrigger>
                          </FormControl>
                          <SelectContent>
                            {CONSTRAINT_METRICS.map((metric) => (
                              <SelectItem key={metric} value={metric}>
                                {metricLabel(metric, t)}
                              </SelectItem>
                            ))}
                          </SelectContent>
                        </Select>
                        <FormMessage className="text-xs" />
                      </FormItem>
                    )}
                  />
                  <FormField
                    control={form.control}
                    name={`constraints.${index}.op`}
                    render={({ field }) => (
                      <Select value={field.value} onValueChange={field.onChange}>
                        <SelectTrigger className="w-full font-mono" aria-label={t("optimize.constraintOp")}>
                          <SelectValue />
                        </SelectTrigger>
                        <SelectContent>
                          {CONSTRAINT_OPS.map((op) => (
                            <SelectItem key={op} value={op} className="font-mono">
                              {op}
                            </SelectItem>
                          ))}
                        </SelectContent>
                      </Select>
                    )}
                  />
                  <CellNumber control={form.control} name={`constraints.${index}.value`} aria-label={t("optimize.constraintValue")} />
                  <Button
                    type="button"
                    variant="ghost"
                    size="icon"
                    onClick={() => constraints.remove(index)}
                    aria-label={t("optimize.removeConstraint")}
                  >
                    <Trash2Icon />
                  </Button>
                </div>
              ))}
              <Button
                type="button"
                variant="outline"
                size="sm"
                className="justify-self-start"
                onClick={() => constraints.append({ metric: "trade_count", op: ">=", value: "3" })}
                disabled={constraints.fields.length >= 20}
              >
                <PlusIcon />
                {t("optimize.addConstraint")}
              </Button>
              <p className="text-xs text-muted-foreground">{t("optimize.constraintsHint")}</p>
            </fieldset>

            <FormField
              control={form.control}
              name="param_constraints"
              render={({ field }) => (
                <FormItem className="gap-1">
                  <label htmlFor="param-constraints" className="text-sm font-medium">
                    {t("optimize.paramConstraints")}
                  </label>
                  <FormControl>
                    <Input
                      {...field}
                      id="param-constraints"
                      className="font-mono"
                      placeholder={t("optimize.paramConstraintsPlaceholder")}
                      autoComplete="off"
                      spellCheck={false}
                    />
                  </FormControl>
                  <FormMessage className="text-xs" />
                  <p className="text-xs text-muted-foreground">{t("optimize.paramConstraintsHint")}</p>
                </FormItem>
              )}
            />

            {walkForward ? <WindowFields control={form.control} /> : <OutOfSampleFields control={form.control} />}

            <PriceFields krx={isKrxSymbol(symbol)} />

            <Button
              type="submit"
              disabled={create.isPending || form.formState.isSubmitting}
              data-testid={walkForward ? "start-walk-forward" : "start-optimization"}
            >
              {create.isPending || form.formState.isSubmitting ? <Spinner /> : walkForward ? <FootprintsIcon /> : <SearchCodeIcon />}
              {t(walkForward ? "optimize.walkForward.start" : "optimize.start")}
            </Button>
          </form>
        </Form>
      </CardContent>
    </Card>
  );
}

/**
 * The held-out part of a grid search: none, the last N% of the bars, or every bar from a date; and,
 * folded away, the CSCV partitions the probability of overfitting is computed with.
 */
function OutOfSampleFields({ control }: { control: Control<OptimizeFormValues> }) {
  const t = useT();
  const choice = useWatch({ control, name: "out_of_sample" });
  return (
    <fieldset className="grid gap-3" data-testid="optimize-out-of-sample">
      <legend className="mb-1 text-sm font-medium">{t("optimize.outOfSample.title")}</legend>
      <div className="grid grid-cols-1 items-start gap-3 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <SelectField
          control={control}
          name="out_of_sample"
          label={t("optimize.outOfSample.split")}
          options={OUT_OF_SAMPLE_CHOICES.map((c) => ({ value: c, label: t(`optimize.outOfSample.choices.${c}`) }))}
          data-testid="optimize-oos-choice"
        />
        {choice === "fraction" && (
          <NumberField
            control={control}
            name="oos_percent"
            label={t("optimize.outOfSample.percent")}
            unit="%"
            min={1}
            max={MAX_HOLD_OUT_PERCENT}
            data-testid="optimize-oos-percent"
          />
        )}
        {choice === "from" && (
          <InputField
            control={control}
            name="oos_from"
            label={t("optimize.outOfSample.from")}
            type="date"
            data-testid="optimize-oos-from"
          />
        )}
      </div>
      <p className="text-xs break-keep text-muted-foreground">{t("optimize.outOfSample.hint")}</p>
      <details className="grid gap-2">
        <summary className="cursor-pointer text-sm text-muted-foreground">{t("optimize.outOfSample.advanced")}</summary>
        <div className="mt-2 max-w-48">
          <NumberField
            control={control}
            name="cscv_partitions"
            label={t("optimize.outOfSample.cscv")}
            description={t("optimize.outOfSample.cscvHint", { min: CSCV_MIN, max: CSCV_MAX })}
            step={2}
            min={CSCV_MIN}
            max={CSCV_MAX}
            data-testid="optimize-cscv"
          />
        </div>
      </details>
    </fieldset>
  );
}

/**
 * The walk-forward windows: rolling or anchored; sized by a count and a train/test ratio, or by
 * explicit lengths in bars or in years/months; and the bars skipped between each train and test part.
 */
function WindowFields({ control }: { control: Control<OptimizeFormValues> }) {
  const t = useT();
  const sizing = useWatch({ control, name: "window_sizing" });
  const units = PERIOD_UNITS.map((u) => ({ value: u, label: t(`optimize.walkForward.units.${u}`) }));
  return (
    <fieldset className="grid gap-3" data-testid="walk-forward-windows">
      <legend className="mb-1 text-sm font-medium">{t("optimize.walkForward.windows")}</legend>
      <div className="grid grid-cols-1 items-start gap-3 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <SelectField
          control={control}
          name="window_mode"
          label={t("optimize.walkForward.mode")}
          options={WINDOW_MODES.map((m) => ({ value: m, label: t(`optimize.walkForward.modes.${m}`) }))}
          data-testid="wf-mode"
        />
        <SelectField
          control={control}
          name="window_sizing"
          label={t("optimize.walkForward.sizing")}
          options={WINDOW_SIZINGS.map((m) => ({ value: m, label: t(`optimize.walkForward.sizings.${m}`) }))}
          data-testid="wf-sizing"
        />
        {sizing === "count" && (
          <>
            <NumberField
              control={control}
              name="window_count"
              label={t("optimize.walkForward.count")}
              step={1}
              min={1}
              max={MAX_WINDOWS}
              data-testid="wf-count"
            />
            <NumberField control={control} name="train_test_ratio" label={t("optimize.walkForward.ratio")} min={0} data-testid="wf-ratio" />
          </>
        )}
        {sizing === "bars" && (
          <>
            <NumberField
              control={control}
              name="train_bars"
              label={t("optimize.walkForward.trainBars")}
              step={1}
              min={1}
              data-testid="wf-train-bars"
            />
            <NumberField
              control={control}
              name="test_bars"
              label={t("optimize.walkForward.testBars")}
              step={1}
              min={1}
              data-testid="wf-test-bars"
            />
          </>
        )}
        {sizing === "periods" &&
          (["train", "test"] as const).map((part) => (
            <div key={part} className="grid grid-cols-[minmax(0,1fr)_6rem] items-end gap-2">
              <NumberField
                control={control}
                name={`${part}_period`}
                label={t(part === "train" ? "optimize.walkForward.trainPeriod" : "optimize.walkForward.testPeriod")}
                step={1}
                min={1}
                data-testid={`wf-${part}-period`}
              />
              <SelectField
                control={control}
                name={`${part}_period_unit`}
                label={<span className="sr-only">{t("optimize.walkForward.unit")}</span>}
                options={units}
              />
            </div>
          ))}
        <NumberField
          control={control}
          name="gap_bars"
          label={t("optimize.walkForward.gap")}
          step={1}
          min={0}
          max={MAX_GAP_BARS}
          data-testid="wf-gap"
        />
      </div>
      <p className="text-xs break-keep text-muted-foreground">{t(`optimize.walkForward.sizingHints.${sizing}`)}</p>
    </fieldset>
  );
}
