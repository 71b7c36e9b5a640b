"use client";

import { HistoryIcon } from "lucide-react";
import { EmptyState, LoadingRows, QueryState } from "@/components/layouts/states";
import { Progress } from "@/components/ui/progress";
import { formatInteger, formatRelativeTime } from "@/lib/format";
import { useLocale, useT } from "@/lib/i18n";
import { isActive, useImports } from "../api/get-imports";
import { ImportStatus } from "./import-status";

/** Your recent imports and fetches, newest first, refreshed while any is running. */
export function ImportsList() {
  const t = useT();
  const locale = useLocale();
  const imports = useImports();
  const items = imports.data ?? [];
  return (
    <QueryState
      query={imports}
      loading={<LoadingRows count={3} rowClassName="h-12" className="px-3" />}
      empty={
        items.length === 0 && (
          <EmptyState icon={HistoryIcon} title={t("marketData.noImports")} description={t("marketData.noImportsHint")} className="py-8" />
        )
      }
    >
      <ul className="grid divide-y" aria-label={t("marketData.importsTitle")}>
        {items.map((view) => {
          const origin =
            view.kind === "csv"
              ? (view.file_name ?? "CSV")
              : view.kind === "fetch"
                ? (view.source ?? "").toUpperCase()
                : t("marketData.sample");
          return (
            <li key={view.id} className="grid gap-1.5 px-3 py-3">
              <div className="flex items-center justify-between gap-3">
                <span className="min-w-0 truncate">
                  <span className="font-mono font-medium">{view.symbol}</span>
                  <span className="ml-2 text-xs text-muted-foreground">{view.interval}</span>
                </span>
                <ImportStatus status={view.status} />
              </div>
              <div className="flex items-center justify-between gap-3 text-xs text-muted-foreground">
                <span className="min-w-0 truncate">{origin}</span>
                <span className="shrink-0 tabular-nums">
                  {view.status === "completed" && `${t("marketData.newBars")} ${formatInteger(view.rows_inserted, locale)} · `}
                  {formatRelativeTime(view.created_at, locale)}
                </span>
              </div>
              {isActive(view) && <Progress value={view.progress ?? 0} aria-label={t("marketData.progress")} className="h-1" />}
              {view.error && <p className="line-clamp-2 text-xs text-destructive">{view.error}</p>}
            </li>
          );
        })}
      </ul>
    </QueryState>
  );
}
