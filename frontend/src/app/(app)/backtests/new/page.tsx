"use client";

import { useSearchParams } from "next/navigation";
import { Suspense, useMemo } from "react";
import { FullPageSpinner } from "@/components/layouts/full-page-spinner";
import { BacktestForm, parsePrefill } from "@/features/backtests";

function NewBacktest() {
  const query = useSearchParams();
  const text = query.toString();
  const prefill = useMemo(() => parsePrefill(new URLSearchParams(text)), [text]);
  return <BacktestForm key={text} prefill={prefill} />;
}

/** /backtests/new, optionally prefilled: ?strategy_id=…&symbol=AAPL&interval=1d&parameters={"fast":10} */
export default function NewBacktestPage() {
  return (
    <Suspense fallback={<FullPageSpinner />}>
      <NewBacktest />
    </Suspense>
  );
}
