"use client";

import { useSearchParams } from "next/navigation";
import { FullPageSpinner } from "@/components/layouts/full-page-spinner";
import { ErrorState, NotFoundState } from "@/components/layouts/states";
import { StrategyEditor, useStrategy } from "@/features/strategies";
import { isApiError } from "@/lib/api/errors";
import { useRouteParam } from "@/hooks/use-route-param";
import { useT } from "@/lib/i18n";

export function StrategyDetail() {
  const t = useT();
  const id = useRouteParam("/strategies/");
  const strategy = useStrategy(id);
  // ?version=3 (a run's link to the version it ran) opens the history on that version.
  const version = Number(useSearchParams().get("version")) || undefined;
  if (!id || (isApiError(strategy.error) && strategy.error.status === 404)) {
    return (
      <NotFoundState
        title={t("strategies.notFoundTitle")}
        description={t("strategies.notFoundDescription")}
        backHref="/strategies"
        backLabel={t("strategies.backToList")}
      />
    );
  }
  if (strategy.isPending) return <FullPageSpinner />;
  if (strategy.isError) return <ErrorState error={strategy.error} onRetry={() => void strategy.refetch()} />;
  return <StrategyEditor key={strategy.data.id} strategy={strategy.data} initialVersion={version} />;
}
