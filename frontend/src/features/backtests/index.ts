export { BacktestsTable } from "./components/backtests-table";
export { BacktestForm } from "./components/backtest-form";
export { BacktestResult, type RunRobustness } from "./components/backtest-result";
export { RecentRuns, QuickRuns, StrategyPerformance } from "./components/dashboard-runs";
export { parsePrefill, newBacktestHref, withDefaultCosts, type BacktestPrefill } from "./lib/backtest-form";
export { SharedRunView } from "./components/shared-run";
