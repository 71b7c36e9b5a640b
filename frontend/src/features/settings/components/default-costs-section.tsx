"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { NumberField, SelectField, SwitchField } from "@/components/forms/fields";
import { Form } from "@/components/forms/form";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { isApiError } from "@/lib/api/errors";
import type { SchemaDefaultCosts, SchemaProfileResponse } from "@/lib/api/schema";
import { useSaveProfile } from "@/lib/api/profile";
import { parseNumber } from "@/lib/format";
import { useT, type TranslationKey } from "@/lib/i18n";
import { SettingsSection } from "./settings-section";

export const COST_PRESETS = ["none", "krx", "us", "upbit", "binance"] as const;
type CostPreset = (typeof COST_PRESETS)[number];

/** The rates are typed as percentages; the API takes fractions. */
const RATE_FIELDS = ["commission_rate", "sell_tax_rate", "slippage_rate"] as const;
const CASH_FIELDS = ["commission_fixed", "commission_minimum"] as const;
const FIELDS = ["commission_rate", "sell_tax_rate", "commission_fixed", "commission_minimum", "slippage_rate", "slippage_ticks"] as const;
type CostField = (typeof FIELDS)[number];

const bounded = (max: number, inclusive: boolean, message: TranslationKey) =>
  z.string().superRefine((text, ctx) => {
    const value = parseNumber(text);
    if (value === null) ctx.addIssue({ code: "custom", message: "settings.costs.required" });
    else if (value < 0 || (inclusive ? value > max : value >= max)) ctx.addIssue({ code: "custom", message });
  });

/** Mirrors CostRules: rates from 0 to below 100%, cash up to 1e15, slippage up to 10,000 ticks. */
export const defaultCostsFormSchema = z.object({
  enabled: z.boolean(),
  preset: z.enum(COST_PRESETS),
  commission_rate: bounded(100, false, "settings.costs.percentRange"),
  sell_tax_rate: bounded(100, false, "settings.costs.percentRange"),
  slippage_rate: bounded(100, false, "settings.costs.percentRange"),
  commission_fixed: bounded(1e15, true, "settings.costs.amountRange"),
  commission_minimum: bounded(1e15, true, "settings.costs.amountRange"),
  slippage_ticks: bounded(10_000, true, "settings.costs.ticksRange"),
});
export type DefaultCostsFormValues = z.infer<typeof defaultCostsFormSchema>;

const percentText = (fraction: number | null | undefined) => (fraction == null ? "0" : String(+(fraction * 100).toPrecision(12)));

/** The form's values for saved costs (none saved: switched off, everything 0). */
export function toFormValues(costs: SchemaDefaultCosts | null | undefined): DefaultCostsFormValues {
  const preset = (COST_PRESETS as readonly string[]).includes(costs?.preset ?? "") ? (costs!.preset as CostPreset) : "none";
  return {
    enabled: !!costs,
    preset,
    commission_rate: percentText(costs?.commission_rate),
    sell_tax_rate: percentText(costs?.sell_tax_rate),
    slippage_rate: percentText(costs?.slippage_rate),
    commission_fixed: String(costs?.commission_fixed ?? 0),
    commission_minimum: String(costs?.commission_minimum ?? 0),
    slippage_ticks: String(costs?.slippage_ticks ?? 0),
  };
}

/** The profile's default costs for valid form values: every value explicit, rates as fractions; off: none. */
export function toDefaultCosts(values: DefaultCostsFormValues): SchemaDefaultCosts | undefined {
  if (!values.enabled) return undefined;
  const num = (text: string) => parseNumber(text) ?? 0;
  const fraction = (text: string) => +(num(text) / 100).toPrecision(12);
  return {
    preset: values.preset,
    commission_rate: fraction(values.commission_rate),
    sell_tax_rate: fraction(values.sell_tax_rate),
    slippage_rate: fraction(values.slippage_rate),
    commission_fixed: num(values.commission_fixed),
    commission_minimum: num(values.commission_minimum),
    slippage_ticks: num(values.slippage_ticks),
  };
}

const unitOf = (field: CostField, t: ReturnType<typeof useT>) =>
  (RATE_FIELDS as readonly string[]).includes(field)
    ? "%"
    : (CASH_FIELDS as readonly string[]).includes(field)
      ? t("settings.costs.currencyUnit")
      : t("backtests.form.ticks");

/** The costs a new backtest starts from (the run form's custom costs, prefilled), or none. */
export function DefaultCostsSection({ profile }: { profile: SchemaProfileResponse }) {
  const t = useT();
  const save = useSaveProfile();
  const form = useForm<DefaultCostsFormValues>({
    resolver: zodResolver(defaultCostsFormSchema),
    defaultValues: toFormValues(profile.default_costs),
  });
  const enabled = useWatch({ control: form.control, name: "enabled" });
  const preset = useWatch({ control: form.control, name: "preset" });
  const onSubmit = form.handleSubmit((values) =>
    save.mutate(
      { default_costs: toDefaultCosts(values) },
      {
        onSuccess: (saved) => {
          form.reset(toFormValues(saved.default_costs));
          toast.success(t("settings.saved"));
        },
        onError: (error) => {
          // The API names them default_costs.<field>; the form's fields go by <field>.
          let matched = false;
          for (const fieldError of isApiError(error) ? error.fieldErrors : []) {
            const field = (fieldError.field ?? "").replace(/^default_costs\./, "");
            if (field === "preset" || (FIELDS as readonly string[]).includes(field)) {
              form.setError(field as keyof DefaultCostsFormValues, { type: "server", message: fieldError.message });
              matched = true;
            }
          }
          if (!matched) toast.error(t("settings.saveFailed"));
        },
      },
    ),
  );
  return (
    <SettingsSection id="costs" title={t("settings.costs.title")} description={t("settings.costs.description")}>
      <Form {...form}>
        <form onSubmit={onSubmit} className="grid gap-4" noValidate data-testid="default-costs-form">
          <SwitchField
            control={form.control}
            name="enabled"
            label={t("settings.costs.enabled")}
            description={t("settings.costs.enabledHint")}
          />
          {enabled && (
            <>
              <SelectField
                control={form.control}
                name="preset"
                label={t("settings.costs.preset")}
                options={COST_PRESETS.map((preset) => ({ value: preset, label: t(`backtests.presets.${preset}`) }))}
                description={t(`backtests.presetHints.${preset}`)}
                data-testid="default-costs-preset"
              />
              <div className="grid grid-cols-2 gap-3 sm:grid-cols-3">
                {FIELDS.map((field) => (
                  <NumberField
                    key={field}
                    control={form.control}
                    name={field}
                    label={t(`backtests.form.costs.${field}`)}
                    labelClassName="text-xs"
                    min={0}
                    className="pr-12"
                    unit={unitOf(field, t)}
                    data-testid={`default-costs-${field}`}
                  />
                ))}
              </div>
            </>
          )}
          <div>
            <Button type="submit" disabled={save.isPending} data-testid="default-costs-save">
              {save.isPending && <Spinner />}
              {t("settings.save")}
            </Button>
          </div>
        </form>
      </Form>
    </SettingsSection>
  );
}
