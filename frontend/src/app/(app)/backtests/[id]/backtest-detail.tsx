"use client";

import { BacktestResult } from "@/features/backtests";
import { MonteCarloPanel } from "@/features/robustness";
import { useRouteParam } from "@/hooks/use-route-param";

export function BacktestDetail() {
  const id = useRouteParam("/backtests/");
  return (
    <BacktestResult
      key={id}
      id={id}
      robustness={(run) => (
        <MonteCarloPanel
          run={{
            id: run.id!,
            initialCapital: run.initial_capital,
            currency: run.result?.portfolio?.base_currency ?? run.settings?.currency,
          }}
        />
      )}
    />
  );
}
