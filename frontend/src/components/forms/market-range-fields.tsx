"use client";

import type { ReactNode } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { InputField, SelectField } from "@/components/forms/fields";
import { MoneyField } from "@/components/forms/money-input";
import { SymbolField } from "@/components/forms/symbol-combobox";
import type { SchemaSymbolView } from "@/lib/api/schema";
import { useT } from "@/lib/i18n";
import { availableRange, intervalOptions, preferredInterval } from "@/lib/intervals";
import { cn } from "@/lib/utils";

/** The fields naming a run's bars, as the backtest and optimisation requests name them. */
export interface MarketRangeValues {
  symbol: string;
  interval: string;
  start_date: string;
  end_date: string;
}

const DIRTY = { shouldDirty: true } as const;

/** The stored symbol a form's symbol code names (case and surrounding spaces aside), if any. */
export function findSymbol(symbols: readonly SchemaSymbolView[] | undefined, code: string): SchemaSymbolView | undefined {
  const wanted = code.trim().toUpperCase();
  return symbols?.find((s) => s.symbol?.toUpperCase() === wanted);
}

/**
 * The symbol search, then the interval and the dates, limited to the bars stored, in the surrounding
 * React Hook Form. Picking a symbol chooses its preferred interval and that interval's whole range;
 * picking an interval moves the dates to its range. `onSymbolPicked` runs after a pick for what else
 * the symbol decides (costs, capital).
 */
export function MarketRangeFields({
  symbols,
  loading,
  symbol,
  symbolDescription,
  onSymbolPicked,
  symbolTestId,
  limitRange = (r) => r,
  className,
}: {
  symbols: readonly SchemaSymbolView[];
  loading: boolean;
  /** The symbol the form's code names (findSymbol). */
  symbol: SchemaSymbolView | undefined;
  symbolDescription?: ReactNode;
  onSymbolPicked?: (picked: SchemaSymbolView) => void;
  symbolTestId: string;
  /** The part of a stored range a pick selects (default: all of it). */
  limitRange?: (range: { first: string; last: string }) => { first: string; last: string };
  /** Of the interval and dates row. */
  className?: string;
}) {
  const t = useT();
  const { control, setValue, clearErrors } = useFormContext<MarketRangeValues>();
  const interval = useWatch({ control, name: "interval" });
  const range = availableRange(symbol, interval);

  const pickSymbol = (picked: SchemaSymbolView) => {
    setValue("symbol", picked.symbol ?? "", DIRTY);
    const next = preferredInterval(picked);
    setValue("interval", next, DIRTY);
    const stored = availableRange(picked, next);
    const r = stored ? limitRange(stored) : null;
    setValue("start_date", r?.first ?? "", DIRTY);
    setValue("end_date", r?.last ?? "", DIRTY);
    onSymbolPicked?.(picked);
    clearErrors(["symbol", "interval", "start_date", "end_date"]);
  };

  const pickInterval = (next: string) => {
    const stored = availableRange(symbol, next);
    const r = stored ? limitRange(stored) : null;
    if (r) {
      setValue("start_date", r.first, DIRTY);
      setValue("end_date", r.last, DIRTY);
    }
    clearErrors(["interval", "start_date", "end_date"]);
  };

  return (
    <>
      <SymbolField
        control={control}
        name="symbol"
        label={t("backtests.form.symbol")}
        description={symbolDescription}
        symbols={symbols}
        loading={loading}
        onChange={pickSymbol}
        placeholder={t("backtests.form.symbolPlaceholder")}
        data-testid={symbolTestId}
      />
      <div className={cn("grid grid-cols-1 gap-4 sm:grid-cols-3", className)}>
        <SelectField
          control={control}
          name="interval"
          label={t("backtests.form.interval")}
          options={intervalOptions(symbol, t)}
          placeholder={t("backtests.form.intervalPlaceholder")}
          disabled={!symbol}
          onValueChange={pickInterval}
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

/** A run's starting capital, in the symbol's currency (written inside the input once the symbol is known), grouped and read back. */
export function CapitalField({ currency }: { currency: string }) {
  const t = useT();
  const { control } = useFormContext<{ initial_capital: string }>();
  return (
    <MoneyField
      control={control}
      name="initial_capital"
      label={t("backtests.form.initialCapital")}
      currency={currency}
      data-testid="initial-capital"
    />
  );
}
