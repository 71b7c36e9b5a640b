"use client";

import { HistoryIcon, RotateCcwIcon } from "lucide-react";
import dynamic from "next/dynamic";
import { useEffect, useMemo, useRef, useState } from "react";
import { toast } from "sonner";
import { ConfirmDialog } from "@/components/layouts/confirm-dialog";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { Tabs, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { isApiError } from "@/lib/api/errors";
import type { SchemaStrategyResponse, SchemaStrategyVersionResponse } from "@/lib/api/schema";
import { formatDateTime, localTimeZone } from "@/lib/format";
import { useT } from "@/lib/i18n";
import { cn } from "@/lib/utils";
import { useLanguageCatalogue } from "../api/get-language";
import { useStrategyRuns } from "../api/get-strategy-runs";
import { useStrategyVersion } from "../api/get-strategy-version";
import { useStrategyVersions } from "../api/get-strategy-versions";
import { useRestoreStrategyVersion } from "../api/restore-strategy-version";

const DiffView = dynamic(() => import("./diff-view"), {
  ssr: false,
  loading: () => <div className="h-full animate-pulse bg-muted/40" />,
});

export type CompareWith = "current" | "previous";

/**
 * The strategy's versions, newest first, with how many of the caller's runs used each; the chosen one
 * compared line by line with the code in the editor or with the version before it, and restorable as
 * a new version after a confirmation.
 */
export function StrategyHistory({
  strategyId,
  currentVersion,
  initialVersion,
  currentCode,
  dirty,
  onRestored,
}: {
  strategyId: string;
  /** The strategy's current version (a restore makes the one after it). */
  currentVersion: number;
  /** The version to open on, brought into view; else the newest. */
  initialVersion?: number;
  /** The code in the editor now, saved or not: what "current code" compares with. */
  currentCode: string;
  /** Whether the editor holds unsaved edits, which a restore replaces. */
  dirty: boolean;
  onRestored: (strategy: SchemaStrategyResponse) => void;
}) {
  const t = useT();
  const versions = useStrategyVersions(strategyId);
  const runs = useStrategyRuns(strategyId);
  const items = useMemo(() => versions.data?.pages.flatMap((page) => page.items) ?? [], [versions.data]);
  const [picked, setPicked] = useState<number | null>(initialVersion ?? null);
  const cardRef = useRef<HTMLDivElement>(null);
  const loaded = items.length > 0;
  useEffect(() => {
    if (loaded && initialVersion) cardRef.current?.scrollIntoView({ block: "start" });
  }, [loaded, initialVersion]);
  const selected = items.find((v) => v.number === picked) ?? items[0] ?? null;

  const runCounts = useMemo(() => {
    const counts = new Map<number, number>();
    for (const run of runs.data?.items ?? []) {
      if (run.strategy_version != null) counts.set(run.strategy_version, (counts.get(run.strategy_version) ?? 0) + 1);
    }
    return counts;
  }, [runs.data]);

  return (
    <Card ref={cardRef} id="history" className="scroll-mt-4 gap-4" data-testid="strategy-history">
      <CardHeader>
        <CardTitle className="flex items-center gap-2 text-sm">
          <HistoryIcon className="size-4" aria-hidden />
          {t("versions.title")}
        </CardTitle>
        <CardDescription className="break-keep">{t("versions.description")}</CardDescription>
      </CardHeader>
      <CardContent>
        {versions.isPending ? (
          <div className="grid gap-2">
            <Skeleton className="h-12" />
            <Skeleton className="h-12" />
          </div>
        ) : versions.isError ? (
          <Alert variant="destructive">
            <AlertDescription>{t("errors.unexpected")}</AlertDescription>
          </Alert>
        ) : items.length === 0 || !selected ? (
          <p className="text-sm break-keep text-muted-foreground">{t("versions.empty")}</p>
        ) : (
          <div className="grid min-w-0 gap-4 lg:grid-cols-[16rem_minmax(0,1fr)]">
            <div className="min-w-0">
              <ul className="grid max-h-96 gap-1 overflow-y-auto pr-1" aria-label={t("versions.title")} data-testid="version-list">
                {items.map((version) => (
                  <li key={version.number}>
                    <VersionRow
                      version={version}
                      runs={runCounts.get(version.number) ?? 0}
                      selected={version.number === selected.number}
                      onSelect={() => setPicked(version.number)}
                    />
                  </li>
                ))}
              </ul>
              {versions.hasNextPage && (
                <Button
                  type="button"
                  variant="ghost"
                  size="sm"
                  className="mt-1 w-full"
                  onClick={() => void versions.fetchNextPage()}
                  disabled={versions.isFetchingNextPage}
                >
                  {versions.isFetchingNextPage && <Spinner />}
                  {t("versions.loadMore")}
                </Button>
              )}
            </div>
            <VersionDetail
              key={selected.number}
              strategyId={strategyId}
              version={selected}
              nextVersion={currentVersion + 1}
              currentCode={currentCode}
              dirty={dirty}
              onRestored={(strategy) => {
                setPicked(strategy.version ?? null);
                onRestored(strategy);
              }}
            />
          </div>
        )}
      </CardContent>
    </Card>
  );
}

function VersionRow({
  version,
  runs,
  selected,
  onSelect,
}: {
  version: SchemaStrategyVersionResponse;
  runs: number;
  selected: boolean;
  onSelect: () => void;
}) {
  const t = useT();
  return (
    <button
      type="button"
      onClick={onSelect}
      aria-pressed={selected}
      data-testid={`version-${version.number}`}
      className={cn(
        "grid w-full gap-0.5 rounded-md border border-transparent px-3 py-2 text-left text-sm outline-none hover:bg-accent focus-visible:ring-[3px] focus-visible:ring-ring/50",
        selected && "border-border bg-accent",
      )}
    >
      <span className="flex flex-wrap items-center gap-2">
        <span className="font-mono font-medium">{t("versions.label", { number: version.number })}</span>
        {version.current && <Badge variant="secondary">{t("versions.current")}</Badge>}
        <span className="ml-auto text-xs text-muted-foreground tabular-nums">
          {runs > 0 ? t("versions.runsUsing", { count: runs }) : t("versions.noRuns")}
        </span>
      </span>
      <span className="text-xs text-muted-foreground tabular-nums">{formatDateTime(version.created_at, localTimeZone())}</span>
      <span className={cn("truncate text-xs break-keep", !version.note && !version.restored_from && "text-muted-foreground/70 italic")}>
        {version.restored_from != null
          ? t("versions.restoredFrom", { number: version.restored_from })
          : (version.note ?? t("versions.noNote"))}
      </span>
    </button>
  );
}

function VersionDetail({
  strategyId,
  version,
  nextVersion,
  currentCode,
  dirty,
  onRestored,
}: {
  strategyId: string;
  version: SchemaStrategyVersionResponse;
  nextVersion: number;
  currentCode: string;
  dirty: boolean;
  onRestored: (strategy: SchemaStrategyResponse) => void;
}) {
  const t = useT();
  const hasPrevious = version.number > 1;
  const [compareWith, setCompareWith] = useState<CompareWith>(version.current && hasPrevious ? "previous" : "current");
  const [confirm, setConfirm] = useState(false);
  const catalogue = useLanguageCatalogue();
  const full = useStrategyVersion(strategyId, version.number);
  const previous = useStrategyVersion(strategyId, compareWith === "previous" && hasPrevious ? version.number - 1 : null);
  const restore = useRestoreStrategyVersion(strategyId);

  const left = compareWith === "previous" ? previous : full;
  const original = left.data?.code ?? null;
  const modified = compareWith === "previous" ? (full.data?.code ?? null) : currentCode;
  const leftLabel = t("versions.label", { number: compareWith === "previous" ? version.number - 1 : version.number });
  const rightLabel = compareWith === "previous" ? t("versions.label", { number: version.number }) : t("versions.againstCurrent");
  const failed = full.isError || (compareWith === "previous" && previous.isError);

  return (
    <div className="grid min-w-0 content-start gap-3" data-testid="version-detail">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Tabs value={compareWith} onValueChange={(value) => setCompareWith(value as CompareWith)}>
          <TabsList aria-label={t("versions.compareWith")}>
            <TabsTrigger value="current" data-testid="compare-current">
              {t("versions.againstCurrent")}
            </TabsTrigger>
            <TabsTrigger value="previous" disabled={!hasPrevious} data-testid="compare-previous">
              {t("versions.againstPrevious")}
            </TabsTrigger>
          </TabsList>
        </Tabs>
        {!version.current && (
          <Button type="button" variant="outline" size="sm" onClick={() => setConfirm(true)} data-testid="restore-version">
            <RotateCcwIcon />
            {t("versions.restore")}
          </Button>
        )}
      </div>
      <p className="flex items-center gap-2 font-mono text-xs text-muted-foreground" data-testid="diff-labels">
        <span className="rounded bg-loss/10 px-1.5 py-0.5">{leftLabel}</span>→
        <span className="rounded bg-gain/10 px-1.5 py-0.5">{rightLabel}</span>
        {original !== null && modified !== null && original === modified && (
          <span className="font-sans">
            {compareWith === "current" && version.current ? t("versions.sameAsCurrent") : t("versions.noDifferences")}
          </span>
        )}
      </p>
      <div className="h-[26rem] min-w-0 overflow-hidden rounded-md border" data-testid="version-diff">
        {failed ? (
          <p className="p-4 text-sm text-muted-foreground">{t("versions.diffUnavailable")}</p>
        ) : original === null || modified === null ? (
          <div className="h-full animate-pulse bg-muted/40" />
        ) : (
          <DiffView
            original={original}
            modified={modified}
            catalogue={catalogue.data}
            ariaLabel={t("versions.diffLabel", { left: leftLabel, right: rightLabel })}
            loadingLabel={t("common.loading")}
          />
        )}
      </div>
      <ConfirmDialog
        open={confirm}
        onOpenChange={setConfirm}
        title={t("versions.restoreTitle", { number: version.number })}
        description={
          <span className="grid gap-2 break-keep">
            <span>{t("versions.restoreDescription", { next: nextVersion })}</span>
            {dirty && <span className="font-medium text-foreground">{t("versions.restoreDirty")}</span>}
          </span>
        }
        confirmLabel={t("versions.restore")}
        pending={restore.isPending}
        onConfirm={() =>
          restore.mutate(version.number, {
            onSuccess: (strategy) => {
              setConfirm(false);
              toast.success(t("versions.restored", { number: version.number, next: strategy.version ?? "" }));
              onRestored(strategy);
            },
            onError: (error) => {
              setConfirm(false);
              toast.error(isApiError(error) && error.is("/problems/too-many-versions") ? t("versions.tooMany") : t("errors.unexpected"));
            },
          })
        }
      />
    </div>
  );
}
