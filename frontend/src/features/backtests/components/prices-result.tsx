"use client";

import { CoinsIcon } from "lucide-react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { SchemaRunResult, SchemaRunSettings } from "@/lib/api/schema";
import { useLocale, useT } from "@/lib/i18n";
import { metricLabel, metricValue } from "@/lib/metrics";
import { formatDividendAmount, isPriceAdjustment } from "@/lib/prices";

type PriceSettings = Partial<Pick<SchemaRunSettings, "price_adjustment" | "dividends" | "price_limits" | "price_basis">>;

/** Whether a run's settings say which prices it used (runs stored before issue 19 may not). */
export const hasPriceSettings = (settings: PriceSettings | null | undefined) => !!settings && isPriceAdjustment(settings.price_adjustment);

/**
 * The settings rows of a run's prices: the prices it used, the basis its bars were stored in, how
 * dividends were paid and, for KRX runs, whether price limits applied. `krx` shows the limits row.
 */
export function PriceRows({
  settings,
  krx,
  Row,
}: {
  settings: PriceSettings;
  krx: boolean;
  Row: (props: { label: string; children: React.ReactNode }) => React.ReactNode;
}) {
  const t = useT();
  const adjustment = isPriceAdjustment(settings.price_adjustment) ? settings.price_adjustment : null;
  const basis = settings.price_basis === "raw" || settings.price_basis === "split_adjusted" ? settings.price_basis : null;
  const dividends =
    adjustment === "total_return"
      ? t("prices.result.dividendsInPrices")
      : settings.dividends === "cash"
        ? t("prices.result.dividendsCash")
        : t("prices.result.dividendsNone");
  return (
    <dl className="mt-2 border-t pt-2 text-sm" data-testid="run-prices">
      <Row label={t("prices.result.adjustment")}>
        <span data-testid="run-price-adjustment">
          {adjustment ? t(`prices.adjustments.${adjustment}`) : (settings.price_adjustment ?? "—")}
        </span>
      </Row>
      <Row label={t("prices.result.storedBasis")}>{basis ? t(`prices.bases.${basis}`) : (settings.price_basis ?? "—")}</Row>
      <Row label={t("prices.result.dividends")}>
        <span data-testid="run-dividends">{dividends}</span>
      </Row>
      {krx && <Row label={t("prices.result.priceLimits")}>{settings.price_limits ? t("prices.result.on") : t("prices.result.off")}</Row>}
    </dl>
  );
}

/** The dividends a run received as cash (issue 19), shown only when there were any. */
export function DividendsResult({ result, currency }: { result: SchemaRunResult | null | undefined; currency: string | undefined }) {
  const t = useT();
  const locale = useLocale();
  const total = metricValue(result?.metrics, "total_dividends");
  if (total == null || total === 0) return null;
  return (
    <Card className="gap-2 py-4" data-testid="dividends-result">
      <CardHeader>
        <CardTitle className="flex items-center gap-2 text-sm">
          <CoinsIcon className="size-4 text-muted-foreground" aria-hidden />
          {metricLabel("total_dividends", t)}
        </CardTitle>
      </CardHeader>
      <CardContent>
        <p className="text-lg font-semibold tabular-nums" data-testid="total-dividends">
          {formatDividendAmount(total, currency, locale)}
        </p>
      </CardContent>
    </Card>
  );
}
