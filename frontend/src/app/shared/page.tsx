"use client";

import { useSearchParams } from "next/navigation";
import { Suspense } from "react";
import { FullPageSpinner } from "@/components/layouts/full-page-spinner";
import { SharedRunView } from "@/features/backtests";

function SharedPageContent() {
  const token = useSearchParams().get("token")?.trim() ?? "";
  return <SharedRunView key={token} token={token} />;
}

/** /shared?token=...: a run shared by its public link, read-only. A query, not a path segment, so the static export has one page for every token. */
export default function SharedPage() {
  return (
    <Suspense fallback={<FullPageSpinner />}>
      <SharedPageContent />
    </Suspense>
  );
}
