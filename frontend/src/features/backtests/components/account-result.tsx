"use client";

import { AlertTriangleIcon } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { SchemaRunResult } from "@/lib/api/schema";
import { formatDateTime, formatMoney } from "@/lib/format";
import { useLocale, useT } from "@/lib/i18n";
import { ACCOUNT_METRICS, formatMetric, metricLabel, metricValue } from "@/lib/metrics";
import type { AccountCosts } from "./trades-table";

/** Which account charges (and dividends) a result carries, so the trades table shows their columns only then. */
export function accountCostsOf(result: SchemaRunResult | null | undefined): AccountCosts {
  const metrics = result?.metrics;
  return {
    funding: (metricValue(metrics, "total_funding") ?? 0) !== 0,
    borrow: (metricValue(metrics, "total_borrow_cost") ?? 0) !== 0 || (metricValue(metrics, "total_interest") ?? 0) !== 0,
    dividends: (metricValue(metrics, "total_dividends") ?? 0) !== 0,
  };
}

/**
 * What the account did beyond cash (issue 18): funding, borrow fees, interest and liquidations, and a
 * note when the account stopped trading. Nothing for a run that was charged nothing and never
 * liquidated (every plain run).
 */
export function AccountResult({
  result,
  currency,
  timeZone,
}: {
  result: SchemaRunResult | null | undefined;
  currency: string | undefined;
  timeZone: string;
}) {
  const t = useT();
  const locale = useLocale();
  const metrics = result?.metrics;
  const shown = ACCOUNT_METRICS.filter((name) => (metricValue(metrics, name) ?? 0) !== 0);
  const liquidations = result?.liquidations ?? [];
  const stop = liquidations.find((l) => l.stopped);
  if (shown.length === 0 && liquidations.length === 0) return null;
  return (
    <div className="grid gap-4" data-testid="account-result">
      {stop && (
        <Alert variant="destructive" data-testid="account-stopped">
          <AlertTriangleIcon />
          <AlertTitle className="break-keep">{t("account.result.stopped")}</AlertTitle>
          <AlertDescription className="break-keep">{stop.message}</AlertDescription>
        </Alert>
      )}
      <Card className="gap-3">
        <CardHeader>
          <CardTitle className="text-sm">{t("account.result.title")}</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-3">
          {shown.length > 0 && (
            <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
              {shown.map((name) => (
                <div key={name} data-testid={`account-metric-${name}`}>
                  <dt className="text-xs text-muted-foreground">{metricLabel(name, t)}</dt>
                  <dd className="font-medium tabular-nums">{formatMetric(name, metricValue(metrics, name), { locale, t, currency })}</dd>
                </div>
              ))}
            </dl>
          )}
          {liquidations.length > 0 && (
            <div>
              <p className="text-xs font-medium text-muted-foreground">{t("account.result.liquidations")}</p>
              <ul className="mt-1 grid gap-1 text-sm" data-testid="account-liquidations">
                {liquidations.map((l, i) => (
                  <li key={i} className="break-keep">
                    <span className="tabular-nums">{formatDateTime(l.time, timeZone)}</span> ·{" "}
                    {l.margin_call ? t("account.result.marginCall") : t("account.result.zeroEquity")} ·{" "}
                    {t("account.result.equityAfter", { equity: formatMoney(l.equity_after, currency, locale) })}
                    {l.gap && <span className="block text-xs text-muted-foreground">{t("account.result.gap")}</span>}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
