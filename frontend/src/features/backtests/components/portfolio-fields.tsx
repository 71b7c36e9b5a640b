"use client";

import { useFormContext, useWatch } from "react-hook-form";
import { InputField, NumberField, SelectField } from "@/components/forms/fields";
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/forms/form";
import { SymbolField } from "@/components/forms/symbol-combobox";
import { UniversePicker } from "@/components/forms/universe-picker";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { SchemaSymbolView } from "@/lib/api/schema";
import { useT } from "@/lib/i18n";
import { availableRange, intervalOptions } from "@/lib/intervals";
import { REBALANCE_SCHEDULES, type BacktestFormValues } from "../lib/backtest-form";

const DIRTY = { shouldDirty: true } as const;

/**
 * A portfolio's symbols (a saved universe or typed ones) and its interval and dates, which follow the
 * stored ranges of its first known symbol (`anchor`): the API checks every symbol's own.
 */
export function PortfolioSymbolFields({ anchor }: { anchor: SchemaSymbolView | undefined }) {
  const t = useT();
  const { control, setValue, clearErrors } = useFormContext<BacktestFormValues>();
  const interval = useWatch({ control, name: "interval" });
  const universeId = useWatch({ control, name: "universe_id" });
  const range = availableRange(anchor, interval);
  return (
    <>
      <FormField
        control={control}
        name="symbols"
        render={({ field, fieldState }) => (
          <FormItem>
            <FormLabel>{t("portfolio.symbols")}</FormLabel>
            <FormControl>
              <UniversePicker
                value={{ universeId: universeId || null, symbols: field.value }}
                onChange={(choice) => {
                  setValue("universe_id", choice.universeId ?? "", DIRTY);
                  field.onChange(choice.symbols);
                  if (choice.symbols.length > 0) clearErrors("symbols");
                }}
                invalid={!!fieldState.error}
              />
            </FormControl>
            <FormDescription>{t("portfolio.symbolsHint")}</FormDescription>
            <FormMessage />
          </FormItem>
        )}
      />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
        <SelectField
          control={control}
          name="interval"
          label={t("backtests.form.interval")}
          options={intervalOptions(anchor, t)}
          placeholder={t("backtests.form.intervalPlaceholder")}
          disabled={!anchor}
          onValueChange={(next) => {
            const r = availableRange(anchor, next);
            if (r) {
              setValue("start_date", r.first, DIRTY);
              setValue("end_date", r.last, DIRTY);
            }
            clearErrors(["interval", "start_date", "end_date"]);
          }}
          data-testid="interval-select"
        />
        {(["start_date", "end_date"] as const).map((name) => (
          <InputField
            key={name}
            control={control}
            name={name}
            label={t(name === "start_date" ? "backtests.form.startDate" : "backtests.form.endDate")}
            type="date"
            min={range?.first}
            max={range?.last}
            data-testid={name === "start_date" ? "start-date" : "end-date"}
          />
        ))}
      </div>
    </>
  );
}

/**
 * The portfolio's own settings: the rebalance schedule (the strategy's, or one of the API's), the
 * drift band, the base currency, and an FX series for each currency of its symbols other than the base.
 */
export function PortfolioSettingsCard({
  symbols,
  loading,
  base,
  foreign,
}: {
  symbols: readonly SchemaSymbolView[];
  loading: boolean;
  /** The currency the portfolio is kept in (chosen, or the first symbol's). */
  base: string;
  foreign: readonly string[];
}) {
  const t = useT();
  const { control, setValue, clearErrors } = useFormContext<BacktestFormValues>();
  const rebalance = useWatch({ control, name: "rebalance" });
  const fxSymbols = symbols.filter((s) => (s.symbol ?? "").length <= 12);
  return (
    <Card data-testid="portfolio-settings">
      <CardHeader>
        <CardTitle className="text-base">{t("portfolio.settingsTitle")}</CardTitle>
        <CardDescription className="break-keep">{t("portfolio.settingsDescription")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <SelectField
          control={control}
          name="rebalance"
          label={t("portfolio.rebalance")}
          options={REBALANCE_SCHEDULES.map((value) => ({ value, label: t(`portfolio.schedules.${value}`) }))}
          description={t("portfolio.rebalanceHint")}
          data-testid="rebalance-select"
        />
        {rebalance === "drift" && (
          <NumberField
            control={control}
            name="drift_band"
            label={t("portfolio.driftBand")}
            description={t("portfolio.driftBandHint")}
            min={0}
            className="pr-10"
            unit="%p"
          />
        )}
        <InputField
          control={control}
          name="base_currency"
          label={t("portfolio.baseCurrency")}
          description={t("portfolio.baseCurrencyHint", { currency: base || "—" })}
          placeholder={base}
          maxLength={10}
          autoCapitalize="characters"
          className="font-mono uppercase"
          data-testid="base-currency"
        />
        {foreign.map((currency) => (
          <SymbolField
            key={currency}
            control={control}
            name={`fx.${currency}`}
            label={t("portfolio.fx", { currency })}
            description={t("portfolio.fxHint", { currency, base, example: `${currency}${base}` })}
            symbols={fxSymbols}
            loading={loading}
            onChange={(picked) => {
              setValue(`fx.${currency}`, picked.symbol ?? "", DIRTY);
              clearErrors(`fx.${currency}`);
            }}
            placeholder={`${currency}${base}`}
            data-testid={`fx-${currency}`}
          />
        ))}
      </CardContent>
    </Card>
  );
}
