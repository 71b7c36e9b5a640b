"use client";

import { useSearchParams } from "next/navigation";
import { Suspense } from "react";
import { FullPageSpinner } from "@/components/layouts/full-page-spinner";
import { StrategyEditor, useTemplates } from "@/features/strategies";

function NewStrategy() {
  const templateId = useSearchParams().get("template");
  const templates = useTemplates();
  if (templateId && templates.isPending) return <FullPageSpinner />;
  const template = templateId ? templates.data?.find((candidate) => candidate.id === templateId) : undefined;
  return <StrategyEditor key={template?.id ?? "blank"} initialTemplate={template} />;
}

export default function NewStrategyPage() {
  return (
    <Suspense fallback={<FullPageSpinner />}>
      <NewStrategy />
    </Suspense>
  );
}
