"use client";

import { FileCode2Icon, PlusIcon } from "lucide-react";
import Link from "next/link";
import { LinkList } from "@/components/layouts/link-list";
import { EmptyState, LoadingRows, QueryState } from "@/components/layouts/states";
import { ViewAllAction } from "@/components/layouts/view-all-action";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatRelativeTime } from "@/lib/format";
import { useLocale, useT } from "@/lib/i18n";
import { useStrategies } from "../api/get-strategies";

/** The dashboard's card: the five strategies changed most recently. */
export function RecentStrategies() {
  const t = useT();
  const locale = useLocale();
  const query = useStrategies({ scope: "mine", page: 0, size: 5, sort: "updated_at,desc" });
  const items = query.data?.items ?? [];
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("dashboard.strategiesTitle")}</CardTitle>
        <CardDescription>
          {query.data ? t("dashboard.strategiesCount", { count: query.data.total_items ?? 0 }) : t("dashboard.strategiesDescription")}
        </CardDescription>
        <ViewAllAction href="/strategies" />
      </CardHeader>
      <CardContent>
        <QueryState
          query={query}
          loading={<LoadingRows count={4} rowClassName="h-11" />}
          errorClassName="py-6"
          empty={
            items.length === 0 && (
              <EmptyState
                icon={FileCode2Icon}
                title={t("strategies.emptyTitle")}
                description={t("dashboard.strategiesEmpty")}
                className="py-6"
                action={
                  <Button asChild size="sm">
                    <Link href="/strategies/new">
                      <PlusIcon />
                      {t("strategies.new")}
                    </Link>
                  </Button>
                }
              />
            )
          }
        >
          <LinkList
            items={items}
            itemKey={(strategy) => strategy.id}
            href={(strategy) => `/strategies/${strategy.id}`}
            className="-mx-2"
            linkClassName="flex items-center justify-between gap-3 rounded-md px-2 py-2.5 hover:bg-accent"
          >
            {(strategy) => (
              <>
                <span className="grid min-w-0 gap-0.5">
                  <span className="truncate font-medium">{strategy.name}</span>
                  <span className="flex flex-wrap gap-1">
                    {(strategy.parameters ?? []).slice(0, 3).map((p) => (
                      <Badge key={p.name} variant="outline" className="font-mono font-normal">
                        {p.name}={p.default}
                      </Badge>
                    ))}
                  </span>
                </span>
                <span className="shrink-0 text-xs text-muted-foreground">{formatRelativeTime(strategy.updated_at, locale)}</span>
              </>
            )}
          </LinkList>
        </QueryState>
      </CardContent>
    </Card>
  );
}
