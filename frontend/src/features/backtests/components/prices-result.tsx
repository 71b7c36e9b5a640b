"use client";

import { CoinsIcon } from "lucide-react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { SchemaRunPrices, SchemaRunResult } from "@/lib/api/schema";
import { useLocale, useT } from "@/lib/i18n";
import { metricLabel, metricValue } from "@/lib/metrics";
import { formatDividendAmount, isPriceAdjustment } from "@/lib/prices";

/** The one note the API gives today: price limits asked for on a run with no KRX symbol. */
const LIMITS_IGNORED_NOTE = "price_limits";

/**
 * The settings rows of a run's prices (`settings.prices`): the prices it used, the basis its bars
 * were stored in, how dividends were paid, for KRX runs whether price limits applied, and why a
 * requested setting was not applied. A run stored before price adjustments (`as_stored`) read its
 * bars exactly as stored, and says so. `krx` (the run's costs are KRX's) shows the limits row for a
 * KRX symbol stored without its board.
 */
export function PriceRows({
  prices,
  krx: krxCosts = false,
  Row,
}: {
  prices: SchemaRunPrices;
  krx?: boolean;
  Row: (props: { label: string; children: React.ReactNode }) => React.ReactNode;
}) {
  const t = useT();
  const adjustment = isPriceAdjustment(prices.price_adjustment) ? prices.price_adjustment : null;
  const dividends =
    adjustment === "total_return"
      ? t("prices.result.dividendsInPrices")
      : prices.dividends === "cash"
        ? t("prices.result.dividendsCash")
        : t("prices.result.dividendsNone");
  const krx = krxCosts || prices.board != null || prices.price_limits;
  const note = prices.note ? (prices.note.startsWith(LIMITS_IGNORED_NOTE) ? t("prices.result.limitsIgnored") : prices.note) : null;
  return (
    <dl className="mt-2 border-t pt-2 text-sm" data-testid="run-prices">
      <Row label={t("prices.result.adjustment")}>
        <span data-testid="run-price-adjustment">
          {prices.as_stored ? t("prices.result.asStored") : adjustment ? t(`prices.adjustments.${adjustment}`) : prices.price_adjustment}
        </span>
      </Row>
      <Row label={t("prices.result.storedBasis")}>{t(`prices.bases.${prices.price_basis}`)}</Row>
      <Row label={t("prices.result.dividends")}>
        <span data-testid="run-dividends">{dividends}</span>
      </Row>
      {krx && (
        <Row label={t("prices.result.priceLimits")}>
          {prices.price_limits ? t("prices.result.on") : t("prices.result.off")}
          {prices.board && ` (${t(`prices.boards.${prices.board}`)})`}
        </Row>
      )}
      {note && (
        <p className="mt-1 text-xs text-muted-foreground" data-testid="run-prices-note">
          {note}
        </p>
      )}
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
