"use client";

import { useFormContext } from "react-hook-form";
import { NumberField } from "@/components/forms/fields";
import type { SchemaStrategyParameter } from "@/lib/api/schema";
import { formatNumber } from "@/lib/format";
import { useLocale, useT } from "@/lib/i18n";

/** The hint under a parameter's input: its range, step and default. */
export function parameterHint(p: SchemaStrategyParameter, locale: string, t: ReturnType<typeof useT>): string {
  const n = (v: number | undefined) => formatNumber(v, locale, { maximumFractionDigits: 6 });
  const parts: string[] = [];
  if (p.min != null && p.max != null) parts.push(`${n(p.min)} – ${n(p.max)}`);
  if (p.step != null) parts.push(`${t("parameters.step")} ${n(p.step)}`);
  parts.push(`${t("parameters.default")} ${n(p.default)}`);
  return parts.join(" · ");
}

/**
 * One number input per declared `param` of a strategy, named `<name>.<param>` in the surrounding
 * React Hook Form, with its range as min/max/step (arrow keys step through it) and the default as the
 * placeholder: an empty input means the strategy's default.
 */
export function ParameterFields({
  parameters,
  name = "parameters",
  emptyText,
}: {
  parameters: readonly SchemaStrategyParameter[];
  name?: string;
  emptyText?: string;
}) {
  const t = useT();
  const locale = useLocale();
  const { control } = useFormContext();
  if (parameters.length === 0) {
    return <p className="text-sm text-muted-foreground">{emptyText ?? t("parameters.none")}</p>;
  }
  return (
    <div className="grid grid-cols-1 gap-4 sm:grid-cols-2" data-testid="parameter-fields">
      {parameters.map((p) =>
        p.name ? (
          <NumberField
            key={p.name}
            control={control}
            name={`${name}.${p.name}`}
            label={p.name}
            labelClassName="font-mono"
            description={parameterHint(p, locale, t)}
            min={p.min ?? undefined}
            max={p.max ?? undefined}
            step={p.step ?? "any"}
            placeholder={formatNumber(p.default, "en-US", { maximumFractionDigits: 6, useGrouping: false })}
            data-parameter={p.name}
          />
        ) : null,
      )}
    </div>
  );
}
