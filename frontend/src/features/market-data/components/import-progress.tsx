"use client";

import { AlertCircleIcon } from "lucide-react";
import { ErrorState } from "@/components/layouts/states";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Progress } from "@/components/ui/progress";
import { Skeleton } from "@/components/ui/skeleton";
import { formatDateTime, formatInteger, localTimeZone } from "@/lib/format";
import { useLocale, useT } from "@/lib/i18n";
import { useImportProgress } from "../api/get-import";
import { ImportStatus } from "./import-status";

/** A background fetch as it runs: status, a progress bar, the counts, and the reason if it failed. */
export function ImportProgress({ id }: { id: string }) {
  const t = useT();
  const locale = useLocale();
  const query = useImportProgress(id);
  if (query.isPending) return <Skeleton className="h-32" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const view = query.data;
  const progress = view.status === "completed" ? 100 : (view.progress ?? 0);
  return (
    <Card className="gap-3" data-testid="import-progress">
      <CardHeader>
        <CardTitle className="flex items-center justify-between gap-2 text-base">
          <span className="font-mono">
            {view.symbol} · {view.interval}
          </span>
          <ImportStatus status={view.status} />
        </CardTitle>
        <CardDescription>
          {t("marketData.fetchFrom", { source: (view.source ?? "").toUpperCase() })} · {formatDateTime(view.range_start, "UTC")} →{" "}
          {formatDateTime(view.range_end, "UTC")} UTC
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        <div className="grid gap-1.5">
          <Progress value={progress} aria-label={t("marketData.progress")} />
          <p className="flex justify-between text-xs text-muted-foreground tabular-nums">
            <span>{t("marketData.progressPercent", { percent: progress })}</span>
            <span>
              {t("marketData.fetchedCounts", {
                read: formatInteger(view.rows_read, locale),
                inserted: formatInteger(view.rows_inserted, locale),
              })}
            </span>
          </p>
        </div>
        {view.status === "failed" && view.error && (
          <p className="flex items-start gap-2 text-sm text-destructive" role="alert">
            <AlertCircleIcon className="mt-0.5 size-4 shrink-0" aria-hidden />
            {view.error}
          </p>
        )}
        {view.finished_at && (
          <p className="text-xs text-muted-foreground">
            {t("marketData.finishedAt", { when: formatDateTime(view.finished_at, localTimeZone()) })}
          </p>
        )}
      </CardContent>
    </Card>
  );
}
