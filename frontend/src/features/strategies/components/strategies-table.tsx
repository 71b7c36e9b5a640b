"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { FileCode2Icon, GlobeIcon, PlusIcon, SearchXIcon } from "lucide-react";
import Link from "next/link";
import { useEffect, useMemo, useState } from "react";
import { EmptyState, TablePanel } from "@/components/layouts/states";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { PagedTable, timeColumn, usePagedTable } from "@/components/ui/paged-table";
import { ListPagination } from "@/components/ui/pagination-bar";
import { SearchInput } from "@/components/ui/search-input";
import { Tabs, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { useDebouncedValue } from "@/hooks/use-debounced-value";
import type { SchemaStrategySummary } from "@/lib/api/schema";
import { formatDateTime, localTimeZone } from "@/lib/format";
import { useT, type Translate } from "@/lib/i18n";
import { sortParam } from "@/lib/sort";
import { useStrategies, type StrategyScope } from "../api/get-strategies";
import { useStrategyListStore, type SortField } from "../stores/strategy-list-store";

function columns(t: Translate): ColumnDef<SchemaStrategySummary>[] {
  const zone = localTimeZone();
  return [
    {
      id: "name",
      meta: { sortField: "name" },
      header: () => t("strategies.name"),
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
    timeColumn("updated_at", () => t("strategies.updatedColumn")),
    {
      id: "created_at",
      meta: { sortField: "created_at" },
      header: () => t("strategies.createdColumn"),
      cell: ({ row }) => (
        <time dateTime={row.original.created_at} className="whitespace-nowrap text-muted-foreground tabular-nums">
          {formatDateTime(row.original.created_at, zone)}
        </time>
      ),
    },
  ];
}

/** Columns shown only on wider screens. */
const HIDDEN_ON_SMALL = (id: string) =>
  id === "created_at" ? "hidden md:table-cell" : id === "parameters" ? "hidden sm:table-cell" : undefined;

/** Strategies as a table: scope tabs, name search, server-side sort and pagination. */
export function StrategiesTable() {
  const t = useT();
  const { scope, search, sort, page, size, setScope, setSearch, toggleSort, setPage, setSize } = useStrategyListStore();
  const [searchInput, setSearchInput] = useState(search);
  const debouncedSearch = useDebouncedValue(searchInput, 300);
  useEffect(() => {
    if (debouncedSearch !== search) setSearch(debouncedSearch);
  }, [debouncedSearch, search, setSearch]);

  const params = {
    scope,
    page,
    size,
    sort: sortParam(sort),
    ...(search.trim() ? { query: search.trim() } : {}),
  };
  const query = useStrategies(params);
  const data = query.data;
  const cols = useMemo(() => columns(t), [t]);
  const table = usePagedTable({ data, columns: cols, page, setPage, rowId: (row) => row.id ?? "" });

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
        <SearchInput
          value={searchInput}
          onChange={(event) => setSearchInput(event.target.value)}
          placeholder={t("strategies.searchPlaceholder")}
          aria-label={t("strategies.search")}
          maxLength={200}
          className="sm:w-72"
        />
      </div>

      <TablePanel
        query={query}
        loadingRows={6}
        rowClassName="h-10"
        empty={
          data?.items?.length === 0 &&
          (search ? (
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
          ))
        }
      >
        <PagedTable
          table={table}
          label={t("strategies.title")}
          sort={sort}
          onSort={(field) => toggleSort(field as SortField)}
          query={query}
          columnClassName={HIDDEN_ON_SMALL}
        />
      </TablePanel>

      <ListPagination data={data} page={page} size={size} onPageChange={setPage} onSizeChange={setSize} />
    </div>
  );
}
