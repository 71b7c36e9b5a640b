"use client";

import { useSearchParams } from "next/navigation";
import { Suspense, useMemo } from "react";
import { FullPageSpinner } from "@/components/layouts/full-page-spinner";
import { BacktestForm, parsePrefill, withDefaultCosts } from "@/features/backtests";
import { useProfile } from "@/lib/api/profile";

function NewBacktest() {
  const query = useSearchParams();
  const text = query.toString();
  // The form starts from the profile's default costs, so it waits for the profile (a failed load: without them).
  const profile = useProfile();
  const defaults = profile.data?.default_costs;
  const prefill = useMemo(() => withDefaultCosts(parsePrefill(new URLSearchParams(text)), defaults), [text, defaults]);
  if (profile.isLoading) return <FullPageSpinner />;
  return <BacktestForm key={text} prefill={prefill} />;
}

/**
 * /backtests/new, optionally prefilled: ?strategy_id=…&symbol=AAPL&interval=1d&parameters={"fast":10};
 * without costs in the address, the profile's default costs.
 */
export default function NewBacktestPage() {
  return (
    <Suspense fallback={<FullPageSpinner />}>
      <NewBacktest />
    </Suspense>
  );
}
