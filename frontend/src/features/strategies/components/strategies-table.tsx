"use client";

import { flexRender, getCoreRowModel, useReactTable, type ColumnDef } from "@tanstack/react-table";
import { ArrowDownIcon, ArrowUpDownIcon, ArrowUpIcon, FileCode2Icon, GlobeIcon, PlusIcon, SearchIcon, SearchXIcon } from "lucide-react";
import Link from "next/link";
import { useEffect, useMemo, useState } from "react";
import { ErrorState, EmptyState } from "@/components/layouts/states";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { PaginationBar } from "@/components/ui/pagination-bar";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Tabs, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { useDebouncedValue } from "@/hooks/use-debounced-value";
import type { SchemaStrategySummary } from "@/lib/api/schema";
import { formatRelativeTime, formatDateTime, localTimeZone } from "@/lib/format";
import { useLocale, useT, type Translate } from "@/lib/i18n";
import { cn } from "@/lib/utils";
import { useStrategies, type StrategyScope } from "../api/get-strategies";
import { useStrategyListStore, type SortField } from "../stores/strategy-list-store";

const PAGE_SIZES = [10, 20, 50, 100];

function SortHeader({ field, label }: { field: SortField; label: string }) {
  const sort = useStrategyListStore((s) => s.sort);
  const toggleSort = useStrategyListStore((s) => s.toggleSort);
  const active = sort.field === field;
  const Icon = !active ? ArrowUpDownIcon : sort.direction === "asc" ? ArrowUpIcon : ArrowDownIcon;
  return (
    <button
      type="button"
      onClick={() => toggleSort(field)}
      className={cn(
        "-ml-1.5 inline-flex items-center gap-1 rounded px-1.5 py-1 uppercase outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50",
        active && "text-foreground",
      )}
    >
      {label}
      <Icon className="size-3.5" aria-hidden />
    </button>
  );
}

function ariaSort(field: SortField, sort: { field: SortField; direction: "asc" | "desc" }) {
  if (sort.field !== field) return "none" as const;
  return sort.direction === "asc" ? ("ascending" as const) : ("descending" as const);
}

function columns(t: Translate, locale: string): ColumnDef<SchemaStrategySummary>[] {
  const zone = localTimeZone();
  return [
    {
      id: "name",
      header: () => <SortHeader field="name" label={t("strategies.name")} />,
      cell: ({ row }) => (
        <div className="grid min-w-48 gap-0.5">
          <span className="flex items-center gap-2">
            <Link
              href={`/strategies/${row.original.id}`}
              className="font-medium outline-none after:absolute after:inset-0 hover:underline focus-visible:underline"
            >
              {row.original.name}
            </Link>
            {row.original.is_public && (
              <Badge variant="secondary" className="relative z-10">
                <GlobeIcon aria-hidden />
                {t("strategies.publicBadge")}
              </Badge>
            )}
            {!row.original.mine && (
              <Badge variant="outline" className="relative z-10">
                {t("strategies.notMine")}
              </Badge>
            )}
          </span>
          {row.original.description && <span className="line-clamp-1 text-xs text-muted-foreground">{row.original.description}</span>}
        </div>
      ),
    },
    {
      id: "parameters",
      header: () => t("strategies.parameters"),
      cell: ({ row }) => {
        const parameters = row.original.parameters ?? [];
        if (parameters.length === 0) return <span className="text-muted-foreground">—</span>;
        return (
          <div className="flex max-w-72 flex-wrap gap-1">
            {parameters.slice(0, 4).map((p) => (
              <Badge key={p.name} variant="outline" className="font-mono font-normal">
                {p.name}={p.default}
              </Badge>
            ))}
            {parameters.length > 4 && <Badge variant="outline">+{parameters.length - 4}</Badge>}
          </div>
        );
      },
    },
    {
      id: "updated_at",
      header: () => <SortHeader field="updated_at" label={t("strategies.updatedColumn")} />,
      cell: ({ row }) => (
        <time
          dateTime={row.original.updated_at}
          title={formatDateTime(row.original.updated_at, zone)}
          className="whitespace-nowrap text-muted-foreground"
        >
          {formatRelativeTime(row.original.updated_at, locale)}
        </time>
      ),
    },
    {
      id: "created_at",
      header: () => <SortHeader field="created_at" label={t("strategies.createdColumn")} />,
      cell: ({ row }) => (
        <time dateTime={row.original.created_at} className="whitespace-nowrap text-muted-foreground tabular-nums">
          {formatDateTime(row.original.created_at, zone)}
        </time>
      ),
    },
  ];
}

/** Strategies as a table: scope tabs, name search, server-side sort and pagination. */
export function StrategiesTable() {
  const t = useT();
  const locale = useLocale();
  const { scope, search, sort, page, size, setScope, setSearch, setPage, setSize } = useStrategyListStore();
  const [searchInput, setSearchInput] = useState(search);
  const debouncedSearch = useDebouncedValue(searchInput, 300);
  useEffect(() => {
    if (debouncedSearch !== search) setSearch(debouncedSearch);
  }, [debouncedSearch, search, setSearch]);

  const params = {
    scope,
    page,
    size,
    sort: `${sort.field},${sort.direction}`,
    ...(search.trim() ? { query: search.trim() } : {}),
  };
  const query = useStrategies(params);
  const data = query.data;
  const cols = useMemo(() => columns(t, locale), [t, locale]);
  const table = useReactTable({
    data: data?.items ?? [],
    columns: cols,
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
    manualSorting: true,
    pageCount: data?.total_pages ?? -1,
    getRowId: (row) => row.id ?? "",
  });

  const totalPages = data?.total_pages ?? 0;
  useEffect(() => {
    if (data && totalPages > 0 && page >= totalPages) setPage(totalPages - 1);
  }, [data, page, totalPages, setPage]);

  return (
    <div className="grid gap-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <Tabs value={scope} onValueChange={(value) => setScope(value as StrategyScope)}>
          <TabsList aria-label={t("strategies.scope")}>
            <TabsTrigger value="mine">{t("strategies.scopeMine")}</TabsTrigger>
            <TabsTrigger value="public">{t("strategies.scopePublic")}</TabsTrigger>
            <TabsTrigger value="all">{t("strategies.scopeAll")}</TabsTrigger>
          </TabsList>
        </Tabs>
        <div className="relative sm:w-72">
          <SearchIcon className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
          <Input
            type="search"
            value={searchInput}
            onChange={(event) => setSearchInput(event.target.value)}
            placeholder={t("strategies.searchPlaceholder")}
            aria-label={t("strategies.search")}
            className="pl-8"
            maxLength={200}
          />
        </div>
      </div>

      <div className="overflow-hidden rounded-xl border bg-card">
        {query.isError && !data ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : query.isPending ? (
          <div className="grid gap-2 p-4" aria-busy="true" aria-label={t("common.loading")}>
            {Array.from({ length: 6 }, (_, i) => (
              <Skeleton key={i} className="h-10" />
            ))}
          </div>
        ) : data && data.items?.length === 0 ? (
          search ? (
            <EmptyState
              icon={SearchXIcon}
              title={t("strategies.noMatches")}
              description={t("strategies.noMatchesHint", { query: search })}
            />
          ) : scope === "mine" ? (
            <EmptyState
              icon={FileCode2Icon}
              title={t("strategies.emptyTitle")}
              description={t("strategies.emptyDescription")}
              action={
                <Button asChild>
                  <Link href="/strategies/new">
                    <PlusIcon />
                    {t("strategies.new")}
                  </Link>
                </Button>
              }
            />
          ) : (
            <EmptyState icon={GlobeIcon} title={t("strategies.noPublic")} />
          )
        ) : (
          <Table aria-label={t("strategies.title")} aria-busy={query.isFetching}>
            <TableHeader>
              {table.getHeaderGroups().map((group) => (
                <TableRow key={group.id} className="hover:bg-transparent">
                  {group.headers.map((header) => (
                    <TableHead
                      key={header.id}
                      aria-sort={
                        ["name", "created_at", "updated_at"].includes(header.id) ? ariaSort(header.id as SortField, sort) : undefined
                      }
                      className={cn(
                        header.id === "created_at" && "hidden md:table-cell",
                        header.id === "parameters" && "hidden sm:table-cell",
                      )}
                    >
                      {flexRender(header.column.columnDef.header, header.getContext())}
                    </TableHead>
                  ))}
                </TableRow>
              ))}
            </TableHeader>
            <TableBody className={cn(query.isPlaceholderData && "opacity-60")}>
              {table.getRowModel().rows.map((row) => (
                <TableRow key={row.id} className="relative">
                  {row.getVisibleCells().map((cell) => (
                    <TableCell
                      key={cell.id}
                      className={cn(
                        cell.column.id === "created_at" && "hidden md:table-cell",
                        cell.column.id === "parameters" && "hidden sm:table-cell",
                      )}
                    >
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </div>

      {data && (data.total_items ?? 0) > 0 && (
        <PaginationBar
          page={page}
          size={size}
          totalItems={data.total_items ?? 0}
          totalPages={totalPages}
          pageSizes={PAGE_SIZES}
          onPageChange={setPage}
          onSizeChange={setSize}
        />
      )}
    </div>
  );
}
