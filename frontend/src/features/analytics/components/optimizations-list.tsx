"use client";

import { ChevronRightIcon } from "lucide-react";
import { RunStatusBadge } from "@/components/layouts/run-status-badge";
import { LoadingRows, QueryState } from "@/components/layouts/states";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatInteger, formatRelativeTime } from "@/lib/format";
import { useLocale, useT } from "@/lib/i18n";
import { metricLabel } from "@/lib/metrics";
import { cn } from "@/lib/utils";
import { isActive, useOptimizations } from "../api/get-optimizations";
import { useAnalyticsStore } from "../stores/analytics-store";

/** The user's past optimisations; picking one shows it. */
export function OptimizationsList() {
  const t = useT();
  const locale = useLocale();
  const query = useOptimizations();
  const current = useAnalyticsStore((s) => s.optimizationId);
  const show = useAnalyticsStore((s) => s.showOptimization);
  const items = query.data?.items ?? [];
  return (
    <Card className="gap-3">
      <CardHeader>
        <CardTitle className="text-base">{t("optimize.pastTitle")}</CardTitle>
        <CardDescription>{t("optimize.pastCount", { count: query.data?.total_items ?? 0 })}</CardDescription>
      </CardHeader>
      <CardContent className="px-2">
        <QueryState
          query={query}
          loading={<LoadingRows count={2} rowClassName="h-12" className="px-3" />}
          empty={items.length === 0 && <p className="px-3 py-2 text-sm text-muted-foreground">{t("optimize.pastEmpty")}</p>}
        >
          <ul className="grid gap-0.5" data-testid="optimizations-list">
            {items.map((o) => (
              <li key={o.id}>
                <button
                  type="button"
                  onClick={() => show(o.id ?? null)}
                  aria-current={o.id === current ? "true" : undefined}
                  className={cn(
                    "grid w-full grid-cols-[minmax(0,1fr)_auto_auto] items-center gap-2 rounded-lg px-3 py-2 text-left outline-none hover:bg-accent/50 focus-visible:ring-[3px] focus-visible:ring-ring/50",
                    o.id === current && "bg-accent/60",
                  )}
                >
                  <span className="grid min-w-0 gap-0.5">
                    <span className="truncate text-sm font-medium">
                      {o.strategy_name} · <span className="font-mono">{o.symbol}</span>
                    </span>
                    <span className="truncate text-xs text-muted-foreground">
                      {metricLabel(o.objective ?? "", t)} · {t("optimize.combinations", { count: formatInteger(o.combinations, locale) })} ·{" "}
                      {formatRelativeTime(o.created_at, locale)}
                    </span>
                  </span>
                  <RunStatusBadge status={o.status} progress={isActive(o.status) ? o.progress : undefined} />
                  <ChevronRightIcon className="size-4 text-muted-foreground" aria-hidden />
                </button>
              </li>
            ))}
          </ul>
        </QueryState>
      </CardContent>
    </Card>
  );
}
