"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { FilterXIcon, FlaskConicalIcon, MoreHorizontalIcon, PlayIcon, RotateCcwIcon, SquareIcon, Trash2Icon } from "lucide-react";
import Link from "next/link";
import { useEffect, useMemo, useRef, useState } from "react";
import { toast } from "sonner";
import { ConfirmDialog } from "@/components/layouts/confirm-dialog";
import { isRunActive, RunStatusBadge } from "@/components/layouts/run-status-badge";
import { EmptyState, TablePanel } from "@/components/layouts/states";
import { Button } from "@/components/ui/button";
import { PagedTable, timeColumn, usePagedTable } from "@/components/ui/paged-table";
import { ListPagination } from "@/components/ui/pagination-bar";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { Progress } from "@/components/ui/progress";
import { FilterSelect } from "@/components/ui/filter-select";
import { SearchInput } from "@/components/ui/search-input";
import type { SchemaBacktestSummary } from "@/lib/api/schema";
import { formatNumber } from "@/lib/format";
import { runSymbolText } from "@/lib/run-symbol";
import { useLocale, useT, type Translate } from "@/lib/i18n";
import { formatMetric, metricTone, toneClass } from "@/lib/metrics";
import { parseSort, sortParam, type Sort } from "@/lib/sort";
import { cn } from "@/lib/utils";
import { useDeleteBacktest } from "../api/delete-backtest";
import { useBacktests, type BacktestListParams, type BacktestStatus } from "../api/get-backtests";
import { useStrategyOptions, useSymbolOptions } from "../api/get-form-options";
import { newBacktestHref, prefillFromRun } from "../lib/backtest-form";
import { DEFAULT_RUN_SORT, RUN_SORT_FIELDS, useBacktestListStore, type RunSortField } from "../stores/backtest-list-store";
import { RunTags, TagFilter, useRunListAddress, useSearchText } from "./run-list-filters";

const STATUSES: BacktestStatus[] = ["pending", "running", "completed", "failed", "cancelled"];
const ALL = "all";
const METRIC_COLUMNS = ["total_return", "cagr", "max_drawdown", "sharpe_ratio", "win_rate", "trade_count", "final_equity"] as const;
/** Columns shown only on wider screens, so a phone sees the run, its state and its return. */
const HIDDEN_ON_SMALL: Record<string, string> = {
  cagr: "hidden xl:table-cell",
  max_drawdown: "hidden md:table-cell",
  sharpe_ratio: "hidden md:table-cell",
  win_rate: "hidden lg:table-cell",
  trade_count: "hidden lg:table-cell",
  final_equity: "hidden xl:table-cell",
  created_at: "hidden sm:table-cell",
  status: "hidden sm:table-cell",
};

type Confirm = { run: SchemaBacktestSummary; action: "cancel" | "delete" } | null;

function RowActions({ run, onConfirm }: { run: SchemaBacktestSummary; onConfirm: (c: Confirm) => void }) {
  const t = useT();
  const active = isRunActive(run.status);
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button
          variant="ghost"
          size="icon-sm"
          className="relative z-10"
          aria-label={t("backtests.actionsFor", { name: run.strategy_name ?? "" })}
        >
          <MoreHorizontalIcon />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        <DropdownMenuItem asChild>
          <Link href={newBacktestHref(prefillFromRun(run))}>
            <RotateCcwIcon />
            {t("backtests.runAgain")}
          </Link>
        </DropdownMenuItem>
        {active ? (
          <DropdownMenuItem onSelect={() => onConfirm({ run, action: "cancel" })}>
            <SquareIcon />
            {t("stop.run")}
          </DropdownMenuItem>
        ) : (
          <DropdownMenuItem variant="destructive" onSelect={() => onConfirm({ run, action: "delete" })}>
            <Trash2Icon />
            {t("common.delete")}
          </DropdownMenuItem>
        )}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

function columns(t: Translate, locale: string, onConfirm: (c: Confirm) => void): ColumnDef<SchemaBacktestSummary>[] {
  return [
    {
      id: "run",
      meta: { sortField: "symbol" },
      header: () => t("backtests.run"),
      cell: ({ row }) => {
        const run = row.original;
        return (
          <div className="grid min-w-40 gap-0.5">
            <Link
              href={`/backtests/${run.id}`}
              className="font-medium outline-none after:absolute after:inset-0 hover:underline focus-visible:underline"
              data-testid="run-link"
            >
              {run.name ?? run.strategy_name ?? t("backtests.deletedStrategy")}
            </Link>
            {run.name && run.strategy_name && run.name !== run.strategy_name && !run.name.startsWith(`${run.strategy_name} · `) && (
              <span className="text-xs text-muted-foreground">{run.strategy_name}</span>
            )}
            <RunTags tags={run.tags} />
            <RunStatusBadge status={run.status} progress={run.status === "running" ? run.progress : undefined} className="sm:hidden" />
            <span className="text-xs text-muted-foreground">
              <span className="font-mono">{runSymbolText(run.symbol, run.symbol_count, t)}</span> · {run.interval} ·{" "}
              <span className="whitespace-nowrap">
                {run.start_date} → {run.end_date}
              </span>
            </span>
            {Object.keys(run.parameters ?? {}).length > 0 && (
              <span className="font-mono text-xs text-muted-foreground/80">
                {Object.entries(run.parameters ?? {})
                  .map(([name, value]) => `${name}=${formatNumber(value, locale, { maximumFractionDigits: 6 })}`)
                  .join(", ")}
              </span>
            )}
          </div>
        );
      },
    },
    {
      id: "status",
      meta: { sortField: "status" },
      header: () => t("backtests.status"),
      cell: ({ row }) => {
        const run = row.original;
        return (
          <div className="grid min-w-24 gap-1">
            <RunStatusBadge status={run.status} progress={run.status === "running" ? run.progress : undefined} />
            {run.status === "running" && <Progress value={run.progress ?? 0} className="h-1" aria-label={t("backtests.progress")} />}
          </div>
        );
      },
    },
    ...METRIC_COLUMNS.map((name): ColumnDef<SchemaBacktestSummary> => ({
      id: name,
      meta: { sortField: name },
      header: () => t(`metrics.short.${name}`),
      cell: ({ row }) => {
        const metrics = row.original.key_metrics;
        const value = metrics?.[name];
        if (!metrics) return <span className="text-muted-foreground">—</span>;
        const tone = metricTone(name, value);
        return (
          <span className={cn("whitespace-nowrap tabular-nums", toneClass(tone))}>
            {formatMetric(name, value, { currency: row.original.currency, locale, t, metrics })}
          </span>
        );
      },
    })),
    timeColumn("created_at", () => t("backtests.created")),
    {
      id: "actions",
      header: () => <span className="sr-only">{t("backtests.actions")}</span>,
      cell: ({ row }) => <RowActions run={row.original} onConfirm={onConfirm} />,
    },
  ];
}

const NUMERIC = new Set<string>(METRIC_COLUMNS);

/**
 * The list's sort in the address (`?sort=total_return,desc`), so a sorted list survives a reload and
 * can be bookmarked or sent: read once when the list opens (an unknown value is ignored), written back
 * on every change; the default sort leaves the address bare.
 */
function useSortInAddress(sort: Sort<RunSortField>, setSort: (sort: Sort<RunSortField>) => void) {
  const restored = useRef(false);
  useEffect(() => {
    if (!restored.current) {
      restored.current = true;
      const fromAddress = parseSort(new URLSearchParams(window.location.search).get("sort"), RUN_SORT_FIELDS);
      if (fromAddress && sortParam(fromAddress) !== sortParam(sort)) {
        setSort(fromAddress);
        return;
      }
    }
    const url = new URL(window.location.href);
    if (sortParam(sort) === sortParam(DEFAULT_RUN_SORT)) url.searchParams.delete("sort");
    else url.searchParams.set("sort", sortParam(sort));
    if (url.href !== window.location.href) window.history.replaceState(null, "", url);
  }, [sort, setSort]);
}
const columnClassName = (id: string) => cn(NUMERIC.has(id) && "text-right", HIDDEN_ON_SMALL[id], id === "actions" && "w-10");

/** The user's runs: filters, server-side sort and pagination, key metrics, live progress, cancel and delete. */
export function BacktestsTable() {
  const t = useT();
  const locale = useLocale();
  const store = useBacktestListStore();
  const { status, symbol, strategyId, query: search, tag, sort, page, size } = store;
  const { setStatus, setSymbol, setStrategyId, setQuery, setTag, toggleSort, setSort, setPage, setSize, reset } = store;
  useSortInAddress(sort, setSort);
  const [searchText, setSearchText] = useSearchText(search, setQuery);
  useRunListAddress(search, tag, setQuery, setTag);
  const [confirm, setConfirm] = useState<Confirm>(null);
  const remove = useDeleteBacktest();
  const symbols = useSymbolOptions();
  const strategies = useStrategyOptions();

  const params: BacktestListParams = {
    page,
    size,
    sort: sortParam(sort),
    ...(status !== ALL ? { status } : {}),
    ...(symbol ? { symbol } : {}),
    ...(strategyId ? { strategy_id: strategyId } : {}),
    ...(search ? { q: search } : {}),
    ...(tag ? { tag } : {}),
  };
  const query = useBacktests(params);
  const data = query.data;
  const cols = useMemo(() => columns(t, locale, setConfirm), [t, locale]);
  const table = usePagedTable({ data, columns: cols, page, setPage, rowId: (row) => row.id ?? "" });
  const filtered = status !== ALL || !!symbol || !!strategyId || !!search || !!tag;
  const myStrategies = (strategies.data?.items ?? []).filter((s) => s.mine);

  const onConfirm = () => {
    if (!confirm?.run.id) return;
    const { action } = confirm;
    remove.mutate(confirm.run.id, {
      onSuccess: () => {
        toast.success(t(action === "cancel" ? "stop.runStopped" : "backtests.deleted"));
        setConfirm(null);
      },
      onError: () => toast.error(t("errors.unexpected")),
    });
  };

  return (
    <div className="grid grid-cols-1 gap-4">
      <div className="flex flex-wrap items-center gap-2" role="group" aria-label={t("backtests.filters")}>
        <SearchInput
          value={searchText}
          onChange={(e) => setSearchText(e.target.value)}
          placeholder={t("share.list.search")}
          aria-label={t("share.list.search")}
          maxLength={100}
          className="w-full sm:w-64"
          data-testid="runs-search"
        />
        <TagFilter value={tag} onChange={setTag} />
        <FilterSelect
          value={status === ALL ? "" : status}
          onValueChange={(value) => setStatus((value || ALL) as BacktestStatus | "all")}
          label={t("backtests.filterStatus")}
          allLabel={t("backtests.allStatuses")}
          options={STATUSES.map((s) => ({ value: s, label: t(`runs.status.${s}`) }))}
          size="sm"
          className="min-w-36"
          data-testid="filter-status"
        />
        <FilterSelect
          value={symbol}
          onValueChange={setSymbol}
          label={t("backtests.filterSymbol")}
          allLabel={t("backtests.allSymbols")}
          options={(symbols.data ?? []).map((s) => ({ value: s.symbol ?? "", label: s.symbol }))}
          size="sm"
          className="min-w-36"
        />
        <FilterSelect
          value={strategyId}
          onValueChange={setStrategyId}
          label={t("backtests.filterStrategy")}
          allLabel={t("backtests.allStrategies")}
          options={myStrategies.map((s) => ({ value: s.id ?? "", label: s.name }))}
          size="sm"
          className="max-w-64 min-w-40"
        />
        {filtered && (
          <Button variant="ghost" size="sm" onClick={reset}>
            <FilterXIcon />
            {t("backtests.clearFilters")}
          </Button>
        )}
      </div>

      <TablePanel
        query={query}
        loadingRows={6}
        rowClassName="h-11"
        empty={
          data &&
          (data.items?.length ?? 0) === 0 &&
          (filtered ? (
            <EmptyState
              icon={FilterXIcon}
              title={t("backtests.noMatches")}
              description={t("backtests.noMatchesHint")}
              action={
                <Button variant="outline" onClick={reset}>
                  {t("backtests.clearFilters")}
                </Button>
              }
            />
          ) : (
            <EmptyState
              icon={FlaskConicalIcon}
              title={t("backtests.emptyTitle")}
              description={t("backtests.emptyDescription")}
              action={
                <Button asChild>
                  <Link href="/backtests/new">
                    <PlayIcon />
                    {t("backtests.new")}
                  </Link>
                </Button>
              }
            />
          ))
        }
      >
        <PagedTable
          table={table}
          label={t("backtests.title")}
          sort={sort}
          onSort={(field) => toggleSort(field as RunSortField)}
          query={query}
          columnClassName={columnClassName}
          rowData={(run) => ({ "data-status": run.status })}
          data-testid="backtests-table"
        />
      </TablePanel>

      <ListPagination data={data} page={page} size={size} onPageChange={setPage} onSizeChange={setSize} />

      <ConfirmDialog
        open={!!confirm}
        onOpenChange={(open) => !open && setConfirm(null)}
        title={t(confirm?.action === "cancel" ? "stop.runTitle" : "backtests.deleteTitle")}
        description={t(confirm?.action === "cancel" ? "stop.runDescription" : "backtests.deleteDescription", {
          name: confirm?.run.strategy_name ?? "",
          symbol: confirm?.run.symbol ?? "",
        })}
        confirmLabel={t(confirm?.action === "cancel" ? "stop.run" : "common.delete")}
        cancelLabel={confirm?.action === "cancel" ? t("stop.keepRunning") : undefined}
        destructive
        pending={remove.isPending}
        onConfirm={onConfirm}
      />
    </div>
  );
}
