"use client";

import { ChevronRightIcon } from "lucide-react";
import { useState } from "react";
import { useFormContext, useFormState, useWatch } from "react-hook-form";
import { NumberField, SelectField } from "@/components/forms/fields";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { SchemaAccountDefaults } from "@/lib/api/schema";
import { formatNumber } from "@/lib/format";
import { useLocale, useT, type TranslationKey } from "@/lib/i18n";
import { ACCOUNT_FIELDS, accountChanged, END_PRICES, FUNDING_MODES, maxLeverageFor, type AccountFormValues } from "../lib/account";
import type { BacktestFormValues } from "../lib/backtest-form";

const percent = (fraction: number | undefined) => +((fraction ?? 0) * 100).toPrecision(6);

/**
 * The run form's account section, collapsed by default: leverage, maintenance margin, borrowing,
 * funding, pyramiding and the end-of-data price, each showing the default of the symbol's preset
 * (`defaults`, from GET /api/v1/backtests/account-defaults) and its limit. Opened by itself when a
 * reopened run brings account values.
 */
export function AccountSection({
  defaults,
  symbol,
  currency,
}: {
  defaults: SchemaAccountDefaults | undefined;
  symbol: string;
  currency: string;
}) {
  const t = useT();
  const locale = useLocale();
  const { control } = useFormContext<BacktestFormValues>();
  // Until the user toggles it, the section is open exactly when it holds values (a reopened run's);
  // a field with an error is always shown.
  const [toggled, setToggled] = useState<boolean | null>(null);
  const watched = useWatch({ control, name: ACCOUNT_FIELDS });
  const account = Object.fromEntries(ACCOUNT_FIELDS.map((field, i) => [field, watched[i]])) as unknown as AccountFormValues;
  const { errors } = useFormState({ control });
  const hasError = ACCOUNT_FIELDS.some((field) => errors[field]);
  const open = hasError || (toggled ?? accountChanged(account));
  const funding = account.funding;
  const leverageText = account.leverage;
  const capital = useWatch({ control, name: "initial_capital" });

  const capitalValue = Number.parseFloat(capital);
  const leverage = Number.parseFloat(leverageText) || 1;
  const max = maxLeverageFor(defaults, Number.isFinite(capitalValue) ? capitalValue : null, leverage) ?? 1;
  const presetKey = defaults?.preset ? (`account.presets.${defaults.preset}` as TranslationKey) : null;
  const defaultMode = defaults?.funding ?? "none";

  return (
    <Card data-testid="account-section">
      <CardHeader>
        <button
          type="button"
          className="flex w-full items-center gap-2 text-left"
          aria-expanded={open}
          aria-controls="account-fields"
          onClick={() => setToggled(!open)}
          data-testid="account-toggle"
        >
          <ChevronRightIcon className={`size-4 shrink-0 transition-transform ${open ? "rotate-90" : ""}`} aria-hidden />
          <CardTitle className="text-base">{t("account.title")}</CardTitle>
        </button>
        <CardDescription className="break-keep">{t("account.description")}</CardDescription>
        {defaults && presetKey && (
          <p className="text-xs break-keep text-muted-foreground" data-testid="account-preset">
            {t("account.presetLine", { symbol, preset: t(presetKey) })}
          </p>
        )}
      </CardHeader>
      {open && (
        <CardContent id="account-fields" className="grid gap-4">
          {!defaults && <p className="text-sm break-keep text-muted-foreground">{t("account.pickSymbolFirst")}</p>}
          <div className="grid grid-cols-2 gap-3">
            <NumberField
              control={control}
              name="leverage"
              label={t("account.leverage")}
              description={<span className="break-keep">{t("account.leverageHint", { max: formatNumber(max, locale) })}</span>}
              min={1}
              max={max}
              placeholder="1"
              className="pr-8"
              unit="x"
              data-testid="account-leverage"
            />
            <NumberField
              control={control}
              name="pyramiding"
              label={t("account.pyramiding")}
              description={<span className="break-keep">{t("account.pyramidingHint", { max: defaults?.max_pyramiding ?? 1 })}</span>}
              min={1}
              max={defaults?.max_pyramiding ?? 100}
              step={1}
              placeholder="1"
              data-testid="account-pyramiding"
            />
          </div>
          <div className="grid gap-3">
            {(
              [
                ["maintenance_margin", "maintenanceMargin", defaults?.maintenance_margin],
                ["borrow_rate", "borrowRate", defaults?.borrow_rate],
                ["short_borrow_fee", "shortBorrowFee", defaults?.short_borrow_fee],
              ] as const
            ).map(([name, key, fallback]) => (
              <NumberField
                key={name}
                control={control}
                name={name}
                label={t(`account.${key}`)}
                description={<span className="break-keep">{t(`account.${key}Hint`, { value: percent(fallback) })}</span>}
                min={0}
                placeholder={String(percent(fallback))}
                className="pr-8"
                unit="%"
              />
            ))}
          </div>
          <SelectField
            control={control}
            name="funding"
            label={t("account.funding")}
            description={<span className="break-keep">{t("account.fundingHint")}</span>}
            options={FUNDING_MODES.map((mode) => ({
              value: mode,
              label:
                mode === "default"
                  ? t("account.fundingModes.default", {
                      mode: t(`account.fundingModes.${defaultMode === "default" ? "none" : defaultMode}` as TranslationKey),
                    })
                  : t(`account.fundingModes.${mode}`),
            }))}
            data-testid="account-funding"
          />
          {funding === "fixed" && (
            <div className="grid grid-cols-[minmax(0,1fr)_8rem] gap-3">
              <NumberField
                control={control}
                name="funding_rate"
                label={t("account.fundingRate")}
                description={t("account.fundingRateHint", { value: percent(defaults?.funding_rate) })}
                placeholder={String(percent(defaults?.funding_rate))}
                className="pr-8"
                unit="%"
              />
              <NumberField
                control={control}
                name="funding_interval"
                label={t("account.fundingInterval")}
                min={1}
                max={168}
                step={1}
                placeholder={String(defaults?.funding_interval ?? 8)}
                className="pr-12"
                unit={t("account.fundingIntervalUnit")}
              />
            </div>
          )}
          <SelectField
            control={control}
            name="close_at_end_price"
            label={t("account.closeAtEndPrice")}
            description={<span className="break-keep">{t("account.closeAtEndPriceHint")}</span>}
            options={END_PRICES.map((price) => ({ value: price, label: t(`account.endPrices.${price}`) }))}
          />
          {defaults?.tiers && defaults.tiers.length > 0 && (
            <div className="text-xs text-muted-foreground" data-testid="account-tiers">
              <p className="font-medium">{t("account.tiers")}</p>
              <ul className="mt-1 grid gap-0.5 tabular-nums">
                {defaults.tiers.map((tier, i) => (
                  <li key={i}>
                    {tier.up_to != null
                      ? t("account.tierRow", {
                          upTo: `${formatNumber(tier.up_to, locale)} ${currency}`,
                          leverage: formatNumber(Math.min(tier.max_leverage ?? 1, defaults.max_leverage ?? 1), locale),
                          margin: percent(tier.maintenance_margin),
                        })
                      : t("account.tierLast", {
                          leverage: formatNumber(Math.min(tier.max_leverage ?? 1, defaults.max_leverage ?? 1), locale),
                          margin: percent(tier.maintenance_margin),
                        })}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </CardContent>
      )}
    </Card>
  );
}
