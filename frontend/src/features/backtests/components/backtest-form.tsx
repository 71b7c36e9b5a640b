"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { PlayIcon, XIcon } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { useForm, useFormContext, useWatch, type FieldPath, type Resolver } from "react-hook-form";
import { InputUnit, NumberField, SelectField, SwitchField } from "@/components/forms/fields";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/forms/form";
import { FormError } from "@/components/forms/form-error";
import { CapitalField, findSymbol, MarketRangeFields } from "@/components/forms/market-range-fields";
import { MoneyField } from "@/components/forms/money-input";
import { ParameterFields } from "@/components/forms/parameter-fields";
import { PricesSection } from "@/components/forms/price-fields";
import { SymbolField } from "@/components/forms/symbol-combobox";
import { PageHeader } from "@/components/layouts/page-header";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectGroup, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { Tabs, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { errorMessage, isApiError } from "@/lib/api/errors";
import type { SchemaAccountDefaults, SchemaStrategyParameter, SchemaSymbolView } from "@/lib/api/schema";
import { formatInteger, formatNumber, timeZoneAbbreviation } from "@/lib/format";
import { useLocale, useT, type TranslationKey } from "@/lib/i18n";
import { availableRange, preferredInterval } from "@/lib/intervals";
import { isKrxSymbol } from "@/lib/prices";
import { useAccountDefaults } from "../api/get-account-defaults";
import { useCostPresets } from "../api/get-cost-presets";
import { useCreateBacktest } from "../api/create-backtest";
import { useStrategyOption, useStrategyOptions, useSymbolOptions } from "../api/get-form-options";
import {
  applyPrefill,
  clippedRange,
  backtestFormSchema,
  COST_PRESETS,
  defaultCapital,
  emptyFormValues,
  foreignCurrencies,
  FILL_MODES,
  marketPreset,
  PER_SHARE_FEE_SIDES,
  portfolioBaseCurrency,
  PRESET_COSTS,
  SIZING_TYPES,
  splitFieldErrors,
  toBacktestRequest,
  type BacktestFormValues,
  type BacktestPrefill,
} from "../lib/backtest-form";
import { AccountSection } from "./account-fields";
import { CostParts } from "./cost-parts";
import { BenchmarkSuggestions } from "./benchmark-suggestions";
import { PortfolioSettingsCard, PortfolioSymbolFields } from "./portfolio-fields";

const SelectLabelItem = ({ children }: { children: string }) => (
  <div className="px-2 pt-2 pb-1 text-xs font-medium text-muted-foreground">{children}</div>
);

/** The defaults of a strategy's parameters as form text, overlaid with values already chosen. */
function parameterValues(parameters: readonly SchemaStrategyParameter[], chosen: Record<string, string> = {}) {
  const values: Record<string, string> = {};
  for (const p of parameters) {
    if (!p.name) continue;
    values[p.name] = chosen[p.name] ?? (p.default != null ? String(p.default) : "");
  }
  return values;
}

/**
 * The optional benchmark: any stored symbol, picked as the run's symbol is, with a button to go back
 * to none. The API checks that it has bars of the run's interval in its dates.
 */
function BenchmarkField({
  symbols,
  loading,
  runSymbol,
}: {
  symbols: readonly SchemaSymbolView[];
  loading: boolean;
  runSymbol: string | undefined;
}) {
  const t = useT();
  const { control, setValue, clearErrors } = useFormContext<BacktestFormValues>();
  const benchmark = useWatch({ control, name: "benchmark" });
  const interval = useWatch({ control, name: "interval" });
  const start = useWatch({ control, name: "start_date" });
  return (
    <div className="grid gap-2">
      <div className="flex items-start gap-2">
        <div className="min-w-0 flex-1">
          <SymbolField
            control={control}
            name="benchmark"
            label={t("backtests.form.benchmark")}
            description={t("backtests.form.benchmarkHint")}
            symbols={symbols}
            loading={loading}
            onChange={(picked) => {
              setValue("benchmark", picked.symbol ?? "", { shouldDirty: true });
              clearErrors("benchmark");
            }}
            placeholder={t("backtests.form.benchmarkPlaceholder")}
            data-testid="benchmark-input"
          />
        </div>
        {benchmark && (
          <Button
            type="button"
            variant="ghost"
            size="icon"
            className="mt-6"
            aria-label={t("backtests.form.clearBenchmark")}
            title={t("backtests.form.clearBenchmark")}
            onClick={() => {
              setValue("benchmark", "", { shouldDirty: true });
              clearErrors("benchmark");
            }}
            data-testid="clear-benchmark"
          >
            <XIcon />
          </Button>
        )}
      </div>
      <BenchmarkSuggestions
        symbol={runSymbol}
        interval={interval}
        start={start}
        current={benchmark}
        onPick={(picked) => {
          setValue("benchmark", picked, { shouldDirty: true });
          clearErrors("benchmark");
        }}
      />
    </div>
  );
}

/**
 * The new-backtest form. Strategy (yours and public ones), symbol search with each symbol's stored
 * ranges, interval and dates limited to the data, capital, costs (the market's preset or explicit),
 * sizing, fills, and the strategy's parameters; validated as the API validates, the API's own field
 * errors put on the fields. A successful start opens the run's page, where it is followed live.
 */
export function BacktestForm({ prefill = {} }: { prefill?: BacktestPrefill }) {
  const t = useT();
  const locale = useLocale();
  const router = useRouter();
  const strategies = useStrategyOptions();
  const symbols = useSymbolOptions();
  const create = useCreateBacktest();
  const [formErrors, setFormErrors] = useState<{ title: string; lines: string[] } | null>(null);

  const initial = useMemo(() => applyPrefill(emptyFormValues(), prefill), [prefill]);
  const context = useRef<{
    parameters: SchemaStrategyParameter[];
    symbol: SchemaSymbolView | undefined;
    foreign: string[];
    account: SchemaAccountDefaults | undefined;
  }>({
    parameters: [],
    symbol: undefined,
    foreign: [],
    account: undefined,
  });
  const resolver: Resolver<BacktestFormValues> = (values, ctx, options) =>
    zodResolver(backtestFormSchema({ ...context.current, t }))(values, ctx, options as never) as ReturnType<Resolver<BacktestFormValues>>;
  const form = useForm<BacktestFormValues>({ resolver, defaultValues: initial, mode: "onSubmit" });

  const strategyId = useWatch({ control: form.control, name: "strategy_id" });
  const symbolCode = useWatch({ control: form.control, name: "symbol" });
  const interval = useWatch({ control: form.control, name: "interval" });
  const costMode = useWatch({ control: form.control, name: "cost_mode" });
  const costPreset = useWatch({ control: form.control, name: "cost_preset" });
  const sizingType = useWatch({ control: form.control, name: "sizing_type" });
  const fill = useWatch({ control: form.control, name: "fill" });
  const portfolio = useWatch({ control: form.control, name: "portfolio" });
  const portfolioSymbols = useWatch({ control: form.control, name: "symbols" });
  const baseCurrency = useWatch({ control: form.control, name: "base_currency" });
  const costPerMarket = useWatch({ control: form.control, name: "cost_per_market" });

  const options = strategies.data?.items ?? [];
  const listed = options.find((s) => s.id === strategyId);
  // A prefilled strategy beyond the first page of options (or someone's public one) is fetched by id.
  const single = useStrategyOption(strategyId || null, !!strategyId && strategies.isSuccess && !listed);
  const strategy = listed ?? single.data;
  const parameters = useMemo(() => strategy?.parameters ?? [], [strategy]);
  // A portfolio's interval and dates follow its first symbol with stored bars.
  const anchor = portfolio ? portfolioSymbols.map((code) => findSymbol(symbols.data, code)).find((s) => s !== undefined) : undefined;
  const symbol = portfolio ? anchor : findSymbol(symbols.data, symbolCode);
  const portfolioValues = { base_currency: baseCurrency, symbols: portfolioSymbols };
  const base = portfolio ? portfolioBaseCurrency(portfolioValues, symbols.data) : "";
  const foreign = portfolio ? foreignCurrencies(portfolioValues, symbols.data) : [];
  const foreignKey = foreign.join(",");
  const currency = portfolio ? base : (symbol?.currency ?? "");
  const range = availableRange(symbol, interval);
  // Price limits are offered (and sent) when the run trades a KRX symbol: a portfolio's any one.
  const krx = portfolio ? portfolioSymbols.some((code) => isKrxSymbol(findSymbol(symbols.data, code))) : isKrxSymbol(symbol);
  // The account preset follows the run's symbol (a portfolio's first known one; the API takes the strictest of all).
  const accountDefaults = useAccountDefaults(symbol?.symbol ?? undefined).data;
  useEffect(() => {
    context.current = { parameters, symbol, foreign: foreignKey ? foreignKey.split(",") : [], account: accountDefaults };
  }, [parameters, symbol, foreignKey, accountDefaults]);

  // A portfolio whose first known symbol changes takes that symbol's interval, dates, costs and capital.
  const anchoredOn = useRef<string | null>(null);
  useEffect(() => {
    if (!portfolio || !anchor?.symbol || anchoredOn.current === anchor.symbol) return;
    const first = anchoredOn.current === null;
    anchoredOn.current = anchor.symbol;
    const values = form.getValues();
    const keep = first && !!values.interval && !!availableRange(anchor, values.interval);
    const chosenInterval = keep ? values.interval : preferredInterval(anchor);
    form.setValue("interval", chosenInterval);
    const r = availableRange(anchor, chosenInterval);
    if (r && (!keep || !values.start_date)) form.setValue("start_date", r.first);
    if (r && (!keep || !values.end_date)) form.setValue("end_date", r.last);
    form.clearErrors(["interval", "start_date", "end_date"]);
    if (!(first && prefill.costs)) form.setValue("cost_preset", marketPreset(anchor.market));
    if (!(first && prefill.initial_capital !== undefined) && !form.getFieldState("initial_capital").isDirty) {
      form.setValue("initial_capital", String(defaultCapital(anchor.currency)));
    }
  }, [portfolio, anchor, form, prefill.costs, prefill.initial_capital]);

  // Parameter inputs start at the strategy's defaults (or the prefilled values) when it is known.
  const filledFor = useRef<string | null>(null);
  useEffect(() => {
    if (!strategy?.id || filledFor.current === strategy.id) return;
    const first = filledFor.current === null;
    filledFor.current = strategy.id;
    form.setValue("parameters", parameterValues(parameters, first ? form.getValues("parameters") : {}));
  }, [strategy?.id, parameters, form]);

  // A prefilled symbol gets its interval, dates and cost preset once the symbols are known.
  const symbolDefaultsDone = useRef(false);
  useEffect(() => {
    if (symbolDefaultsDone.current || !symbol || portfolio) return;
    symbolDefaultsDone.current = true;
    const values = form.getValues();
    const chosenInterval = values.interval && availableRange(symbol, values.interval) ? values.interval : preferredInterval(symbol);
    if (chosenInterval !== values.interval) form.setValue("interval", chosenInterval);
    const r = availableRange(symbol, chosenInterval);
    if (r && !values.start_date) form.setValue("start_date", r.first);
    if (r && !values.end_date) form.setValue("end_date", r.last);
    if (!prefill.costs) form.setValue("cost_preset", marketPreset(symbol.market));
    if (prefill.initial_capital === undefined) form.setValue("initial_capital", String(defaultCapital(symbol.currency)));
  }, [symbol, portfolio, form, prefill.costs, prefill.initial_capital]);

  // A picked symbol (MarketRangeFields sets its interval and dates) also decides the costs and the capital's currency.
  const pickedSymbol = (picked: SchemaSymbolView) => {
    symbolDefaultsDone.current = true;
    form.setValue("cost_preset", marketPreset(picked.market), { shouldDirty: true });
    if (!form.getFieldState("initial_capital").isDirty || picked.currency !== currency) {
      form.setValue("initial_capital", String(defaultCapital(picked.currency)));
    }
  };

  const pickStrategy = (id: string) => {
    const picked = options.find((s) => s.id === id);
    filledFor.current = id;
    form.setValue("strategy_id", id, { shouldDirty: true });
    form.setValue("parameters", parameterValues(picked?.parameters ?? []), { shouldDirty: true });
    form.clearErrors("strategy_id");
  };

  // One run per submit: a double click (or Enter pressed twice) reaches here before React has drawn the
  // disabled button, so a ref, set synchronously, turns every submit after the first away until that
  // one fails; a successful one leaves for the run's page and stays submitting.
  const submitting = useRef(false);
  const [busy, setBusy] = useState(false);
  const send = (outcome: { started: boolean }) => async (values: BacktestFormValues) => {
    setFormErrors(null);
    try {
      const run = await create.mutateAsync(toBacktestRequest(values, parameters, foreign, krx));
      outcome.started = true;
      router.push(`/backtests/${run.id}`);
    } catch (error) {
      if (isApiError(error) && error.is("/problems/invalid-strategy")) {
        setFormErrors({
          title: t("backtests.form.strategyDoesNotCompile"),
          lines: error.codeErrors.map((e) => `${e.line}:${e.column} ${e.message}`),
        });
        return;
      }
      if (isApiError(error) && error.status === 429) {
        setFormErrors({ title: t("backtests.form.tooManyRuns"), lines: error.detail ? [error.detail] : [] });
        return;
      }
      const { onFields, general } = splitFieldErrors(error, values);
      onFields.forEach(({ field, message }, i) =>
        form.setError(field as FieldPath<BacktestFormValues>, { type: "server", message }, { shouldFocus: i === 0 }),
      );
      if (general.length > 0 || onFields.length === 0) {
        setFormErrors({
          title: onFields.length > 0 ? t("backtests.form.fixErrors") : t("errors.title"),
          lines: general.length > 0 ? general : [errorMessage(error, t)],
        });
      }
    }
  };
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting.current) return;
    submitting.current = true;
    setBusy(true);
    const outcome = { started: false };
    await form.handleSubmit(send(outcome))(event);
    // Invalid values or a refused request: the form may be sent again once they are fixed.
    if (!outcome.started) {
      submitting.current = false;
      setBusy(false);
    }
  };

  const mine = options.filter((s) => s.mine);
  const shared = options.filter((s) => !s.mine);
  const sizingUnit = sizingType === "fraction_of_equity" ? "%" : sizingType === "fixed_cash" ? currency : t("backtests.form.units");
  const presetCosts = PRESET_COSTS[costPreset] ?? PRESET_COSTS.none;

  return (
    <Form {...form}>
      <form onSubmit={onSubmit} noValidate data-testid="backtest-form">
        <PageHeader
          title={t("backtests.form.title")}
          description={t("backtests.form.description")}
          actions={
            <Button type="submit" disabled={busy} aria-busy={busy} data-testid="run-backtest">
              {busy ? <Spinner /> : <PlayIcon />}
              {t("backtests.form.submit")}
            </Button>
          }
        />

        {formErrors && (
          <FormError title={formErrors.title} className="mb-4" data-testid="form-errors">
            {formErrors.lines.length > 0 && (
              <ul className="list-disc pl-4">
                {formErrors.lines.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            )}
          </FormError>
        )}

        <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,22rem)]">
          <div className="grid grid-cols-1 content-start gap-4">
            <Card>
              <CardHeader>
                <CardTitle className="text-base">{t("backtests.form.whatTitle")}</CardTitle>
                <CardDescription>{t("backtests.form.whatDescription")}</CardDescription>
              </CardHeader>
              <CardContent className="grid gap-4">
                <FormField
                  control={form.control}
                  name="strategy_id"
                  render={({ field }) => (
                    <FormItem>
                      <FormLabel>{t("backtests.form.strategy")}</FormLabel>
                      <Select value={field.value} onValueChange={pickStrategy}>
                        <FormControl>
                          <SelectTrigger className="w-full" data-testid="strategy-select">
                            <SelectValue placeholder={strategies.isPending ? t("common.loading") : t("backtests.form.strategyPlaceholder")}>
                              {strategy?.name}
                            </SelectValue>
                          </SelectTrigger>
                        </FormControl>
                        <SelectContent>
                          {mine.length > 0 && (
                            <SelectGroup>
                              <SelectLabelItem>{t("backtests.form.myStrategies")}</SelectLabelItem>
                              {mine.map((s) => (
                                <SelectItem key={s.id} value={s.id ?? ""}>
                                  {s.name}
                                </SelectItem>
                              ))}
                            </SelectGroup>
                          )}
                          {shared.length > 0 && (
                            <SelectGroup>
                              <SelectLabelItem>{t("backtests.form.publicStrategies")}</SelectLabelItem>
                              {shared.map((s) => (
                                <SelectItem key={s.id} value={s.id ?? ""}>
                                  {s.name}
                                </SelectItem>
                              ))}
                            </SelectGroup>
                          )}
                          {options.length === 0 && !strategies.isPending && (
                            <div className="px-2 py-3 text-sm text-muted-foreground">{t("backtests.form.noStrategies")}</div>
                          )}
                        </SelectContent>
                      </Select>
                      {options.length === 0 && strategies.isSuccess ? (
                        <FormDescription>
                          <Link href="/strategies/new" className="text-primary underline-offset-4 hover:underline">
                            {t("backtests.form.writeStrategy")}
                          </Link>
                        </FormDescription>
                      ) : (
                        strategy?.description && <FormDescription className="line-clamp-2">{strategy.description}</FormDescription>
                      )}
                      <FormMessage />
                    </FormItem>
                  )}
                />

                <Tabs
                  value={portfolio ? "several" : "single"}
                  onValueChange={(value) => {
                    form.setValue("portfolio", value === "several", { shouldDirty: true });
                    anchoredOn.current = null;
                    symbolDefaultsDone.current = false;
                    form.clearErrors(["symbol", "symbols", "interval", "start_date", "end_date"]);
                  }}
                >
                  <TabsList aria-label={t("portfolio.mode")} data-testid="run-mode">
                    <TabsTrigger value="single">{t("portfolio.single")}</TabsTrigger>
                    <TabsTrigger value="several" data-testid="run-mode-several">
                      {t("portfolio.several")}
                    </TabsTrigger>
                  </TabsList>
                </Tabs>

                {portfolio ? (
                  <PortfolioSymbolFields anchor={anchor} />
                ) : (
                  <MarketRangeFields
                    symbols={symbols.data ?? []}
                    loading={symbols.isPending}
                    symbol={symbol}
                    symbolDescription={
                      symbol ? (
                        <>
                          {symbol.name} · {symbol.market} · {symbol.currency} · {symbol.time_zone} (
                          {timeZoneAbbreviation(symbol.time_zone, locale)})
                        </>
                      ) : (
                        t("backtests.form.symbolHint")
                      )
                    }
                    onSymbolPicked={pickedSymbol}
                    symbolTestId="symbol-input"
                  />
                )}
                {range && (
                  <p className="-mt-2 text-xs text-muted-foreground" data-testid="available-range">
                    {t("backtests.form.availableRange", {
                      first: range.first,
                      last: range.last,
                      bars: formatInteger(range.bars, locale),
                    })}
                  </p>
                )}

                <RangeClipNote
                  label={portfolio ? portfolioSymbols.join(", ") : (symbol?.symbol ?? "")}
                  range={
                    portfolio ? unionRange(portfolioSymbols.map((code) => availableRange(findSymbol(symbols.data, code), interval))) : range
                  }
                />

                <div className="sm:max-w-xs">
                  <CapitalField currency={currency} />
                </div>

                <BenchmarkField symbols={symbols.data ?? []} loading={symbols.isPending} runSymbol={symbol?.symbol} />
              </CardContent>
            </Card>

            <Card>
              <CardHeader>
                <CardTitle className="text-base">{t("backtests.form.parametersTitle")}</CardTitle>
                <CardDescription>{t("backtests.form.parametersDescription")}</CardDescription>
              </CardHeader>
              <CardContent>
                {strategy ? (
                  <ParameterFields parameters={parameters} />
                ) : (
                  <p className="text-sm text-muted-foreground">{t("backtests.form.pickStrategyFirst")}</p>
                )}
              </CardContent>
            </Card>
          </div>

          <div className="grid grid-cols-1 content-start gap-4">
            {portfolio && <PortfolioSettingsCard symbols={symbols.data ?? []} loading={symbols.isPending} base={base} foreign={foreign} />}

            <Card>
              <CardHeader>
                <CardTitle className="text-base">{t("backtests.form.costsTitle")}</CardTitle>
                <CardDescription>{t("backtests.form.costsDescription")}</CardDescription>
              </CardHeader>
              <CardContent className="grid gap-4">
                <Tabs
                  value={costMode}
                  onValueChange={(value) => {
                    const mode = value as BacktestFormValues["cost_mode"];
                    form.setValue("cost_mode", mode, { shouldDirty: true });
                    if (mode === "custom" && !form.getFieldState("commission_rate").isDirty) {
                      form.setValue("commission_rate", String(presetCosts.commission_rate));
                      form.setValue("sell_tax_rate", String(presetCosts.sell_tax_rate));
                    }
                  }}
                >
                  <TabsList aria-label={t("backtests.form.costMode")} className="w-full">
                    <TabsTrigger value="preset">{t("backtests.form.costPresetMode")}</TabsTrigger>
                    <TabsTrigger value="custom">{t("backtests.form.costCustomMode")}</TabsTrigger>
                  </TabsList>
                </Tabs>
                {portfolio && costMode === "preset" && (
                  <SwitchField
                    control={form.control}
                    name="cost_per_market"
                    label={t("portfolio.costPerMarket")}
                    description={t("portfolio.costPerMarketHint")}
                  />
                )}
                {costMode === "preset" && portfolio && costPerMarket ? null : costMode === "preset" ? (
                  <SelectField
                    control={form.control}
                    name="cost_preset"
                    label={t("backtests.form.costPreset")}
                    options={COST_PRESETS.map((preset) => ({ value: preset, label: t(`backtests.presets.${preset}`) }))}
                    description={t(`backtests.presetHints.${costPreset}`)}
                    data-testid="cost-preset"
                  />
                ) : null}
                {costMode === "preset" && !(portfolio && costPerMarket) && <PresetParts preset={costPreset} currency={currency} />}
                {costMode === "custom" && (
                  <>
                    <div className="grid grid-cols-2 gap-3">
                      {(
                        [
                          ["commission_rate", "%"],
                          ["sell_tax_rate", "%"],
                          ["commission_fixed", currency],
                          ["commission_minimum", currency],
                          ["slippage_rate", "%"],
                          ["slippage_ticks", t("backtests.form.ticks")],
                        ] as const
                      ).map(([name, unit]) =>
                        name === "commission_fixed" || name === "commission_minimum" ? (
                          <MoneyField
                            key={name}
                            control={form.control}
                            name={name}
                            label={t(`backtests.form.costs.${name}` as TranslationKey)}
                            labelClassName="text-xs"
                            currency={currency}
                            data-testid={name.replace("_", "-")}
                          />
                        ) : (
                          <NumberField
                            key={name}
                            control={form.control}
                            name={name}
                            label={t(`backtests.form.costs.${name}` as TranslationKey)}
                            labelClassName="text-xs"
                            min={0}
                            className="pr-12"
                            unit={unit}
                          />
                        ),
                      )}
                    </div>
                    <PerShareFeeFields currency={currency} />
                  </>
                )}
              </CardContent>
            </Card>

            <Card>
              <CardHeader>
                <CardTitle className="text-base">{t("backtests.form.executionTitle")}</CardTitle>
              </CardHeader>
              <CardContent className="grid gap-4">
                <div className="grid grid-cols-[minmax(0,1fr)_8rem] gap-3">
                  <SelectField
                    control={form.control}
                    name="sizing_type"
                    label={t("backtests.form.sizing")}
                    options={SIZING_TYPES.map((type) => ({ value: type, label: t(`backtests.sizing.${type}`) }))}
                    onValueChange={(value) =>
                      form.setValue("sizing_value", value === "fraction_of_equity" ? "100" : "", { shouldDirty: true })
                    }
                  />
                  <NumberField
                    control={form.control}
                    name="sizing_value"
                    label={t("backtests.form.sizingValue")}
                    min={0}
                    className="pr-12"
                    unit={sizingUnit}
                  />
                </div>
                <SelectField
                  control={form.control}
                  name="fill"
                  label={t("backtests.form.fill")}
                  options={FILL_MODES.map((mode) => ({ value: mode, label: t(`backtests.fill.${mode}`) }))}
                  description={t(`backtests.fillHints.${fill}`)}
                />
                {(["allow_short", "close_at_end"] as const).map((name) => (
                  <SwitchField
                    key={name}
                    control={form.control}
                    name={name}
                    label={t(`backtests.form.${name}`)}
                    description={t(`backtests.form.${name}Hint`)}
                  />
                ))}
                <FormField
                  control={form.control}
                  name="risk_free_rate"
                  render={({ field }) => (
                    <FormItem>
                      <FormLabel>{t("backtests.form.riskFreeRate")}</FormLabel>
                      <div className="relative max-w-40">
                        <FormControl>
                          <Input {...field} type="number" inputMode="decimal" step="any" className="pr-10 tabular-nums" />
                        </FormControl>
                        <InputUnit>%</InputUnit>
                      </div>
                      <FormDescription>{t("backtests.form.riskFreeRateHint")}</FormDescription>
                      <FormMessage />
                    </FormItem>
                  )}
                />
              </CardContent>
            </Card>

            <PricesSection krx={krx} />

            <AccountSection defaults={accountDefaults} symbol={symbol?.symbol ?? ""} currency={currency} />

            <Button type="submit" size="lg" disabled={busy} aria-busy={busy} className="w-full" data-testid="run-backtest-bottom">
              {busy ? <Spinner /> : <PlayIcon />}
              {t("backtests.form.submit")}
            </Button>
            {strategy && symbol && (
              <p className="text-center text-xs text-muted-foreground">
                {t("backtests.form.summary", {
                  strategy: strategy.name ?? "",
                  symbol: portfolio ? t("portfolio.result.symbolsCount", { count: portfolioSymbols.length }) : (symbol.symbol ?? ""),
                  count: formatNumber(parameters.length, locale),
                })}
              </p>
            )}
          </div>
        </div>
      </form>
    </Form>
  );
}

/** What the chosen preset charges, from the API's presets (the US one's SEC and FINRA fees included). */
function PresetParts({ preset, currency }: { preset: string; currency: string }) {
  const t = useT();
  const presets = useCostPresets();
  const costs = presets.data?.find((p) => p.preset === preset);
  if (!costs) return presets.isPending ? <p className="text-xs text-muted-foreground">{t("costParts.loading")}</p> : null;
  return (
    <div className="rounded-md border bg-muted/40 p-3" data-testid="preset-parts">
      <p className="mb-1 text-xs font-medium">{t("costParts.title")}</p>
      <CostParts costs={costs} currency={preset === "us" ? "USD" : currency} />
    </div>
  );
}

/** A custom per-share fee: cash per unit, its cap per fill (empty for none) and the fills that pay it. */
function PerShareFeeFields({ currency }: { currency: string }) {
  const t = useT();
  const { control } = useFormContext<BacktestFormValues>();
  return (
    <div className="grid grid-cols-2 gap-3" data-testid="per-share-fee">
      <NumberField
        control={control}
        name="per_share_fee"
        label={t("costParts.fields.per_share_fee")}
        labelClassName="text-xs"
        min={0}
        className="pr-12"
        unit={currency}
      />
      <NumberField
        control={control}
        name="per_share_fee_cap"
        label={t("costParts.fields.per_share_fee_cap")}
        labelClassName="text-xs"
        min={0}
        className="pr-12"
        unit={currency}
        description={t("costParts.capHint")}
      />
      <SelectField
        control={control}
        name="per_share_fee_sides"
        label={t("costParts.fields.per_share_fee_sides")}
        options={PER_SHARE_FEE_SIDES.map((side) => ({ value: side, label: t(`costParts.sides.${side}`) }))}
      />
    </div>
  );
}

/** The union of several symbols' data ranges (a portfolio covers the days any of them has bars). */
function unionRange(ranges: ({ first: string; last: string } | null | undefined)[]) {
  const known = ranges.filter((r): r is { first: string; last: string } => !!r);
  if (known.length === 0) return null;
  return {
    first: known.reduce((a, r) => (r.first < a ? r.first : a), known[0]!.first),
    last: known.reduce((a, r) => (r.last > a ? r.last : a), known[0]!.last),
  };
}

/** Before submitting: the dates asked for beyond the data, and the days the run will really cover. */
function RangeClipNote({ label, range }: { label: string; range: { first: string; last: string } | null | undefined }) {
  const t = useT();
  const { control } = useFormContext<BacktestFormValues>();
  const start = useWatch({ control, name: "start_date" });
  const end = useWatch({ control, name: "end_date" });
  const clipped = clippedRange(range, start, end);
  if (!range || !clipped?.clipped) return null;
  return (
    <p className="-mt-2 text-xs break-keep text-amber-700 dark:text-amber-400" data-testid="range-clip-note">
      {t("dataRange.formClip", { symbol: label, first: range.first, last: range.last, start: clipped.start, end: clipped.end })}
    </p>
  );
}
