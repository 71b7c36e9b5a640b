"use client";

import { useSearchParams } from "next/navigation";
import { Suspense, useMemo } from "react";
import { FullPageSpinner } from "@/components/layouts/full-page-spinner";
import { PageHeader } from "@/components/layouts/page-header";
import { AnalyticsView, type AnalyticsRobustness } from "@/features/analytics";
import { NoWalkForward, OptimizationRobustness, useCreateWalkForward, WalkForwardsList, WalkForwardView } from "@/features/robustness";
import { useT } from "@/lib/i18n";

/** The robustness lab's parts of the screen: an optimisation's robustness tab and the walk-forward tab. */
function useRobustness(): AnalyticsRobustness {
  const create = useCreateWalkForward();
  const { mutateAsync } = create;
  return useMemo(
    () => ({
      optimization: (id) => <OptimizationRobustness id={id} />,
      startWalkForward: async (body) => (await mutateAsync(body)).id,
      walkForwardList: (open, onOpen) => <WalkForwardsList current={open} onOpen={onOpen} />,
      walkForwardView: (id, onGone) => <WalkForwardView id={id} onGone={onGone} />,
      noWalkForward: <NoWalkForward />,
    }),
    [mutateAsync],
  );
}

function Analytics() {
  const query = useSearchParams();
  const text = query.toString();
  const robustness = useRobustness();
  const initial = useMemo(() => {
    const params = new URLSearchParams(text);
    const ids = params
      .get("ids")
      ?.split(",")
      .map((id) => id.trim())
      .filter(Boolean);
    return {
      tab: params.get("tab") ?? undefined,
      ids,
      optimization: params.get("optimization") ?? undefined,
      walkForward: params.get("walk_forward") ?? undefined,
    };
  }, [text]);
  return <AnalyticsView initial={initial} robustness={robustness} />;
}

export default function AnalyticsPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t("analytics.title")} description={t("analytics.description")} />
      <Suspense fallback={<FullPageSpinner />}>
        <Analytics />
      </Suspense>
    </>
  );
}
