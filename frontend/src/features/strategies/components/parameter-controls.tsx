"use client";

import { useId, useState } from "react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Slider } from "@/components/ui/slider";
import type { SchemaStrategyParameter } from "@/lib/api/schema";
import { formatNumber } from "@/lib/format";
import { useLocale, useT } from "@/lib/i18n";
import { hasRange, sliderStep } from "../lib/workbench";

const plain = (value: number) => formatNumber(value, "en-US", { maximumFractionDigits: 6, useGrouping: false });

/** One parameter: a slider over its declared range with a number box beside it, or only the box. */
function ParameterControl({
  parameter,
  value,
  onChange,
}: {
  parameter: SchemaStrategyParameter;
  value: number;
  onChange: (value: number) => void;
}) {
  const t = useT();
  const locale = useLocale();
  const id = useId();
  const name = parameter.name ?? "";
  const ranged = hasRange(parameter);
  const step = sliderStep(parameter);
  // The box holds what is typed ("1", "1.", "") until it reads as a number; the value moves the slider.
  const [text, setText] = useState(plain(value));
  const [shownValue, setShownValue] = useState(value);
  if (shownValue !== value) {
    setShownValue(value);
    setText(plain(value));
  }
  const n = (v: number | null | undefined) => formatNumber(v, locale, { maximumFractionDigits: 6 });
  const type = (next: string) => {
    setText(next);
    const parsed = Number(next);
    if (next.trim() !== "" && Number.isFinite(parsed)) {
      setShownValue(parsed);
      onChange(parsed);
    }
  };
  return (
    <div className="grid gap-1.5" data-parameter={name}>
      <div className="flex items-baseline justify-between gap-2">
        <Label htmlFor={id} className="font-mono">
          {name}
        </Label>
        <span className="text-xs text-muted-foreground tabular-nums">
          {ranged ? `${n(parameter.min)} – ${n(parameter.max)}` : t("workbench.noRange")}
          {" · "}
          {t("parameters.default")} {n(parameter.default)}
        </span>
      </div>
      <div className="flex items-center gap-3">
        {ranged && (
          <Slider
            min={parameter.min!}
            max={parameter.max!}
            step={step}
            value={[Math.min(parameter.max!, Math.max(parameter.min!, value))]}
            onValueChange={([next]) => next !== undefined && onChange(next)}
            thumbLabel={name}
            className="flex-1"
            data-testid={`parameter-slider-${name}`}
          />
        )}
        <Input
          id={id}
          type="number"
          inputMode="decimal"
          min={parameter.min ?? undefined}
          max={parameter.max ?? undefined}
          step={parameter.step ?? "any"}
          value={text}
          onChange={(event) => type(event.target.value)}
          onBlur={() => setText(plain(value))}
          className={ranged ? "h-8 w-24 shrink-0 text-right tabular-nums" : "h-8 w-full tabular-nums"}
          data-testid={`parameter-input-${name}`}
        />
      </div>
    </div>
  );
}

/**
 * The parameters a strategy declares, as controls: `param x = 10 in 2..50 step 1` gets a slider over
 * 2..50 and a number box; a `param` without a range only the box. Every change goes to `onChange`
 * at once (the workbench debounces the preview it starts).
 */
export function ParameterControls({
  parameters,
  values,
  onChange,
}: {
  parameters: readonly SchemaStrategyParameter[];
  values: Readonly<Record<string, number>>;
  onChange: (name: string, value: number) => void;
}) {
  const t = useT();
  if (parameters.length === 0) return <p className="text-sm text-muted-foreground">{t("strategies.noParameters")}</p>;
  return (
    <div className="grid gap-3 sm:grid-cols-2" data-testid="parameter-controls">
      {parameters.map((p) =>
        p.name ? (
          <ParameterControl key={p.name} parameter={p} value={values[p.name] ?? p.default ?? 0} onChange={(v) => onChange(p.name!, v)} />
        ) : null,
      )}
    </div>
  );
}
