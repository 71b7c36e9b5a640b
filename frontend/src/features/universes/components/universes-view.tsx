"use client";

import { AlertTriangleIcon, EyeIcon, ListIcon, PencilIcon, PlusIcon, Trash2Icon, UsersIcon } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { ConfirmDialog } from "@/components/layouts/confirm-dialog";
import { EmptyState, ErrorState } from "@/components/layouts/states";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ListPagination } from "@/components/ui/pagination-bar";
import { Skeleton } from "@/components/ui/skeleton";
import { Tabs, TabsList, TabsTrigger } from "@/components/ui/tabs";
import type { SchemaUniverseSummary } from "@/lib/api/schema";
import { useUniverses, type UniverseScope } from "@/lib/api/universes";
import { useT } from "@/lib/i18n";
import { useDeleteUniverse } from "../api/delete-universe";
import { SymbolChips } from "./symbol-chips";
import { UniverseEditor } from "./universe-editor";

const PAGE_SIZES = [24, 48, 96] as const;

/** The editor's state: closed, a new universe, or one by id. */
type Editing = { open: false } | { open: true; id: string | null };

/**
 * Saved universes as cards: yours and the shared ones (scope tabs), each with its first symbols and how
 * many have no data yet; create, edit and delete in place (shared ones only by administrators).
 */
export function UniversesView() {
  const t = useT();
  const [scope, setScope] = useState<UniverseScope>("all");
  const [page, setPage] = useState(0);
  const [size, setSize] = useState<number>(PAGE_SIZES[0]);
  const [editing, setEditing] = useState<Editing>({ open: false });
  const [deleting, setDeleting] = useState<SchemaUniverseSummary | null>(null);
  const query = useUniverses({ scope, page, size, sort: "name,asc" });
  const remove = useDeleteUniverse();
  const items = query.data?.items ?? [];

  return (
    <div className="grid gap-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <Tabs
          value={scope}
          onValueChange={(value) => {
            setScope(value as UniverseScope);
            setPage(0);
          }}
        >
          <TabsList aria-label={t("universes.scope")}>
            <TabsTrigger value="all">{t("universes.scopeAll")}</TabsTrigger>
            <TabsTrigger value="mine">{t("universes.scopeMine")}</TabsTrigger>
            <TabsTrigger value="shared">{t("universes.scopeShared")}</TabsTrigger>
          </TabsList>
        </Tabs>
        <Button onClick={() => setEditing({ open: true, id: null })} data-testid="new-universe">
          <PlusIcon />
          {t("universes.new")}
        </Button>
      </div>

      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.isPending ? (
        <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3" aria-busy="true">
          {Array.from({ length: 3 }, (_, i) => (
            <Skeleton key={i} className="h-40 rounded-xl" />
          ))}
        </div>
      ) : items.length === 0 ? (
        <EmptyState
          icon={ListIcon}
          title={t("universes.emptyTitle")}
          description={t("universes.emptyDescription")}
          action={
            <Button onClick={() => setEditing({ open: true, id: null })}>
              <PlusIcon />
              {t("universes.new")}
            </Button>
          }
        />
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3" data-testid="universe-list">
          {items.map((universe) => (
            <li key={universe.id}>
              <UniverseCard
                universe={universe}
                onOpen={() => setEditing({ open: true, id: universe.id ?? null })}
                onDelete={() => setDeleting(universe)}
              />
            </li>
          ))}
        </ul>
      )}

      <ListPagination
        data={query.data}
        page={page}
        size={size}
        pageSizes={PAGE_SIZES}
        onPageChange={setPage}
        onSizeChange={(next) => {
          setSize(next);
          setPage(0);
        }}
      />

      <UniverseEditor
        universeId={editing.open ? editing.id : null}
        open={editing.open}
        onOpenChange={(open) => {
          if (!open) setEditing({ open: false });
        }}
      />
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(open) => {
          if (!open) setDeleting(null);
        }}
        title={t("universes.deleteTitle")}
        description={t("universes.deleteDescription", { name: deleting?.name ?? "" })}
        confirmLabel={t("common.delete")}
        destructive
        pending={remove.isPending}
        onConfirm={() => {
          if (!deleting?.id) return;
          remove.mutate(deleting.id, {
            onSuccess: () => {
              toast.success(t("universes.deleted"));
              setDeleting(null);
            },
            onError: () => toast.error(t("errors.unexpected")),
          });
        }}
      />
    </div>
  );
}

function UniverseCard({ universe, onOpen, onDelete }: { universe: SchemaUniverseSummary; onOpen: () => void; onDelete: () => void }) {
  const t = useT();
  const missing = universe.missing_count ?? 0;
  return (
    <Card className="h-full gap-3 py-4" data-testid="universe-card">
      <CardHeader className="px-4">
        <CardTitle className="flex min-w-0 flex-wrap items-center gap-2 text-base">
          <span className="min-w-0 break-words">{universe.name}</span>
          {universe.shared && (
            <Badge variant="secondary">
              <UsersIcon aria-hidden />
              {t("universes.sharedBadge")}
            </Badge>
          )}
        </CardTitle>
        {universe.description && <CardDescription className="line-clamp-2 break-keep">{universe.description}</CardDescription>}
      </CardHeader>
      <CardContent className="grid gap-3 px-4">
        <div className="flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
          <span className="tabular-nums">{t("universes.symbolCount", { count: universe.symbol_count ?? 0 })}</span>
          {missing > 0 && (
            <Badge variant="warning" data-testid="universe-missing-count">
              <AlertTriangleIcon aria-hidden />
              {t("universes.missingCount", { count: missing })}
            </Badge>
          )}
        </div>
        <SymbolChips symbols={universe.symbols_preview ?? []} limit={8} total={universe.symbol_count ?? 0} />
        <div className="flex flex-wrap gap-2">
          <Button
            variant="outline"
            size="sm"
            onClick={onOpen}
            aria-label={`${universe.editable ? t("universes.edit") : t("universes.view")}: ${universe.name}`}
          >
            {universe.editable ? <PencilIcon /> : <EyeIcon />}
            {universe.editable ? t("universes.edit") : t("universes.view")}
          </Button>
          {universe.editable && (
            <Button variant="ghost" size="sm" onClick={onDelete} aria-label={`${t("common.delete")}: ${universe.name}`}>
              <Trash2Icon />
              {t("common.delete")}
            </Button>
          )}
        </div>
      </CardContent>
    </Card>
  );
}
