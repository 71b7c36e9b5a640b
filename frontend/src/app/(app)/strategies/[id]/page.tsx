import { Suspense } from "react";
import { FullPageSpinner } from "@/components/layouts/full-page-spinner";
import { placeholderParams } from "@/lib/dynamic-route";
import { StrategyDetail } from "./strategy-detail";

/** Exported once for the placeholder id; the server maps every /strategies/<id> to it. */
export function generateStaticParams() {
  return placeholderParams("id");
}

export default function StrategyPage() {
  return (
    <Suspense fallback={<FullPageSpinner />}>
      <StrategyDetail />
    </Suspense>
  );
}
