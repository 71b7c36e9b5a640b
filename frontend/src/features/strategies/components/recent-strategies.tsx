"use client";

import { ArrowRightIcon, FileCode2Icon, PlusIcon } from "lucide-react";
import Link from "next/link";
import { EmptyState, ErrorState } from "@/components/layouts/states";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { formatRelativeTime } from "@/lib/format";
import { useLocale, useT } from "@/lib/i18n";
import { useStrategies } from "../api/get-strategies";

/** The dashboard's card: the five strategies changed most recently. */
export function RecentStrategies() {
  const t = useT();
  const locale = useLocale();
  const query = useStrategies({ scope: "mine", page: 0, size: 5, sort: "updated_at,desc" });
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("dashboard.strategiesTitle")}</CardTitle>
        <CardDescription>
          {query.data ? t("dashboard.strategiesCount", { count: query.data.total_items ?? 0 }) : t("dashboard.strategiesDescription")}
        </CardDescription>
        <CardAction>
          <Button asChild variant="ghost" size="sm">
            <Link href="/strategies">
              {t("common.viewAll")}
              <ArrowRightIcon />
            </Link>
          </Button>
        </CardAction>
      </CardHeader>
      <CardContent>
        {query.isPending ? (
          <div className="grid gap-2">
            {Array.from({ length: 4 }, (_, i) => (
              <Skeleton key={i} className="h-11" />
            ))}
          </div>
        ) : query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} className="py-6" />
        ) : (query.data.items ?? []).length === 0 ? (
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
        ) : (
          <ul className="-mx-2 grid">
            {(query.data.items ?? []).map((strategy) => (
              <li key={strategy.id}>
                <Link
                  href={`/strategies/${strategy.id}`}
                  className="flex items-center justify-between gap-3 rounded-md px-2 py-2.5 outline-none hover:bg-accent focus-visible:ring-[3px] focus-visible:ring-ring/50"
                >
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
                </Link>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
