"use client";

import { FileQuestionIcon } from "lucide-react";
import Link from "next/link";
import { FullPageSpinner } from "@/components/layouts/full-page-spinner";
import { EmptyState, ErrorState } from "@/components/layouts/states";
import { Button } from "@/components/ui/button";
import { StrategyEditor, useStrategy } from "@/features/strategies";
import { isApiError } from "@/lib/api/errors";
import { useRouteParam } from "@/hooks/use-route-param";
import { useT } from "@/lib/i18n";

export function StrategyDetail() {
  const t = useT();
  const id = useRouteParam("/strategies/");
  const strategy = useStrategy(id);
  if (!id || (isApiError(strategy.error) && strategy.error.status === 404)) {
    return (
      <EmptyState
        icon={FileQuestionIcon}
        title={t("strategies.notFoundTitle")}
        description={t("strategies.notFoundDescription")}
        action={
          <Button asChild variant="outline">
            <Link href="/strategies">{t("strategies.backToList")}</Link>
          </Button>
        }
        className="min-h-[50dvh]"
      />
    );
  }
  if (strategy.isPending) return <FullPageSpinner />;
  if (strategy.isError) return <ErrorState error={strategy.error} onRetry={() => void strategy.refetch()} />;
  return <StrategyEditor key={strategy.data.id} strategy={strategy.data} />;
}
