"use client";

import { useSearchParams } from "next/navigation";
import { Suspense } from "react";
import { FullPageSpinner } from "@/components/layouts/full-page-spinner";
import { useSession } from "@/features/auth";
import { SymbolView } from "@/features/market-data";

function SymbolPageContent() {
  const query = useSearchParams();
  const admin = useSession((s) => s.user?.admin ?? false);
  const symbol = query.get("symbol")?.trim() ?? "";
  const dataset = query.get("dataset");
  return (
    <SymbolView
      key={`${symbol}|${dataset}`}
      symbol={symbol}
      dataset={dataset === "own" || dataset === "shared" ? dataset : undefined}
      admin={admin}
    />
  );
}

/** /data/symbol?symbol=005930.KS&dataset=shared: one symbol's chart, corporate actions and names. A query, not a path segment, since tickers hold ^ and dots. */
export default function SymbolPage() {
  return (
    <Suspense fallback={<FullPageSpinner />}>
      <SymbolPageContent />
    </Suspense>
  );
}
