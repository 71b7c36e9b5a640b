"use client";

import { useSearchParams } from "next/navigation";
import { Suspense, useMemo } from "react";
import { FullPageSpinner } from "@/components/layouts/full-page-spinner";
import { PageHeader } from "@/components/layouts/page-header";
import { AnalyticsView } from "@/features/analytics";
import { useT } from "@/lib/i18n";

function Analytics() {
  const query = useSearchParams();
  const text = query.toString();
  const initial = useMemo(() => {
    const params = new URLSearchParams(text);
    const ids = params
      .get("ids")
      ?.split(",")
      .map((id) => id.trim())
      .filter(Boolean);
    return { tab: params.get("tab") ?? undefined, ids, optimization: params.get("optimization") ?? undefined };
  }, [text]);
  return <AnalyticsView initial={initial} />;
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
