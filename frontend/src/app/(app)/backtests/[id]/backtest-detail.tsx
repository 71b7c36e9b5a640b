"use client";

import { BacktestResult } from "@/features/backtests";
import { useRouteParam } from "@/hooks/use-route-param";

export function BacktestDetail() {
  const id = useRouteParam("/backtests/");
  return <BacktestResult key={id} id={id} />;
}
