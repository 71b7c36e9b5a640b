"use client";

import type { SchemaRunCosts, SchemaRunSellFeeRow } from "@/lib/api/schema";
import { formatNumber } from "@/lib/format";
import { useLocale, useT } from "@/lib/i18n";
import { cn } from "@/lib/utils";

/** The fee row in force on {@code day} (yyyy-MM-dd), else the newest: a run's end, or today in the form. */
export function sellFeeRowAt(costs: SchemaRunCosts, day?: string): SchemaRunSellFeeRow | undefined {
  const rows = costs.sell_fees?.rows ?? [];
  if (!day) return rows[rows.length - 1];
  let found: SchemaRunSellFeeRow | undefined;
  for (const row of rows) if (row.from <= day) found = row;
  return found;
}

/**
 * The parts of a cost model in words, one a line: commission, sell tax, per-share fee, the dated SEC and
 * FINRA sell fees (the rates of {@code day}'s row) and the spread. Used by the run form for a preset and by
 * the run page for what a run was charged.
 */
export function CostParts({
  costs,
  currency,
  day,
  className,
}: {
  costs: SchemaRunCosts;
  currency: string | null | undefined;
  day?: string;
  className?: string;
}) {
  const t = useT();
  const locale = useLocale();
  const percent = (v: number) => formatNumber(v, locale, { style: "percent", maximumFractionDigits: 5 });
  const cash = (v: number) =>
    formatNumber(
      v,
      locale,
      currency && /^[A-Z]{3}$/.test(currency)
        ? { style: "currency", currency, currencyDisplay: "narrowSymbol", maximumFractionDigits: 6 }
        : { maximumFractionDigits: 6 },
    );
  const row = sellFeeRowAt(costs, day);
  const perShare = costs.per_share_fee ?? 0;
  const sides = t(costs.per_share_fee_sides === "both" ? "costParts.sides.both" : "costParts.sides.sell");
  const parts: { key: string; text: string }[] = [];
  if (costs.commission_rate > 0)
    parts.push({ key: "commission", text: t("costParts.commission", { rate: percent(costs.commission_rate) }) });
  if (costs.sell_tax_rate > 0) parts.push({ key: "tax", text: t("costParts.sellTax", { rate: percent(costs.sell_tax_rate) }) });
  if (perShare > 0) {
    parts.push({
      key: "per-share",
      text:
        costs.per_share_fee_cap == null
          ? t("costParts.perShare", { fee: cash(perShare), sides })
          : t("costParts.perShareCapped", { fee: cash(perShare), cap: cash(costs.per_share_fee_cap), sides }),
    });
  }
  if (row) {
    parts.push({ key: "sec", text: t("costParts.secFee", { rate: percent(row.value_rate) }) });
    parts.push({
      key: "taf",
      text: t("costParts.taf", { fee: cash(row.per_share), cap: row.per_share_cap == null ? "—" : cash(row.per_share_cap) }),
    });
  }
  if (costs.slippage_rate > 0) parts.push({ key: "spread", text: t("costParts.spread", { rate: percent(costs.slippage_rate) }) });
  if (costs.slippage_ticks > 0)
    parts.push({ key: "ticks", text: t("costParts.slippageTicks", { ticks: formatNumber(costs.slippage_ticks, locale) }) });

  return (
    <div className={cn("grid gap-1 text-xs break-keep", className)} data-testid="cost-parts">
      {parts.length === 0 ? (
        <p>{t("costParts.nothing")}</p>
      ) : (
        <ul className="grid gap-0.5">
          {parts.map((part) => (
            <li key={part.key} data-testid={`cost-part-${part.key}`}>
              {part.text}
            </li>
          ))}
        </ul>
      )}
      {row && <p className="text-muted-foreground">{t("costParts.datedNote", { date: row.from })}</p>}
    </div>
  );
}
