"use client";

import { useFormContext, useWatch } from "react-hook-form";
import { SwitchField } from "@/components/forms/fields";
import { FormControl, FormDescription, FormField, FormItem, FormLabel } from "@/components/forms/form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Switch } from "@/components/ui/switch";
import { useT } from "@/lib/i18n";
import { dividendsApply, PRICE_ADJUSTMENTS, type PriceFormValues } from "@/lib/prices";
import { cn } from "@/lib/utils";

/**
 * The run forms' prices section (issue 19): which prices the strategy reads (split-adjusted, raw or
 * total return, each with a line saying what it means), dividends paid as cash (off and disabled with
 * total return, saying why) and, for a KRX symbol only, the daily price limits. The surrounding form's
 * values include `PriceFormValues`.
 */
export function PricesSection({ krx }: { krx: boolean }) {
  const t = useT();
  return (
    <Card data-testid="prices-section">
      <CardHeader>
        <CardTitle className="text-base">{t("prices.title")}</CardTitle>
        <CardDescription className="break-keep">{t("prices.description")}</CardDescription>
      </CardHeader>
      <CardContent>
        <PriceFields krx={krx} />
      </CardContent>
    </Card>
  );
}

/** The section's fields without its card, for a form that is a card already (the optimisation's). */
export function PriceFields({ krx, className }: { krx: boolean; className?: string }) {
  const t = useT();
  const { control } = useFormContext<PriceFormValues>();
  const adjustment = useWatch({ control, name: "price_adjustment" });
  const dividendsOn = dividendsApply(adjustment);
  return (
    <div className={cn("grid gap-4", className)} data-testid="price-fields">
      <FormField
        control={control}
        name="price_adjustment"
        render={({ field }) => (
          <fieldset className="grid gap-2" data-testid="price-adjustment">
            <legend className="mb-2 text-sm font-medium">{t("prices.adjustment")}</legend>
            {PRICE_ADJUSTMENTS.map((value) => (
              <label
                key={value}
                className={cn(
                  "flex cursor-pointer items-start gap-3 rounded-md border p-3 text-sm transition-colors hover:bg-accent/50",
                  field.value === value && "border-primary bg-accent/40",
                )}
              >
                <input
                  type="radio"
                  name={field.name}
                  value={value}
                  checked={field.value === value}
                  onChange={() => field.onChange(value)}
                  onBlur={field.onBlur}
                  className="mt-0.5 accent-primary"
                  data-testid={`price-adjustment-${value}`}
                />
                <span className="grid gap-0.5">
                  <span className="font-medium">{t(`prices.adjustments.${value}`)}</span>
                  <span className="text-xs break-keep text-muted-foreground">{t(`prices.adjustmentHints.${value}`)}</span>
                </span>
              </label>
            ))}
          </fieldset>
        )}
      />
      <FormField
        control={control}
        name="dividends_cash"
        render={({ field }) => (
          <FormItem className="flex items-start justify-between gap-4">
            <div className="grid gap-1">
              <FormLabel>{t("prices.dividendsCash")}</FormLabel>
              <FormDescription className="break-keep" data-testid="dividends-cash-hint">
                {dividendsOn ? t("prices.dividendsCashHint") : t("prices.dividendsInPrices")}
              </FormDescription>
            </div>
            <FormControl>
              {/* Shown off with total return (the prices hold the dividends); the choice comes back when another basis is picked. */}
              <Switch
                checked={dividendsOn && field.value}
                onCheckedChange={field.onChange}
                disabled={!dividendsOn}
                data-testid="dividends-cash"
              />
            </FormControl>
          </FormItem>
        )}
      />
      {krx && (
        <div data-testid="price-limits">
          <SwitchField
            control={control}
            name="price_limits"
            label={t("prices.priceLimits")}
            description={<span className="break-keep">{t("prices.priceLimitsHint")}</span>}
          />
        </div>
      )}
    </div>
  );
}
