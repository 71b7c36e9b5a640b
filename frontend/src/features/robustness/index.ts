export { MonteCarloPanel, type MonteCarloRun } from "./components/monte-carlo-panel";
export { OptimizationRobustness } from "./components/optimization-robustness";
export { NoWalkForward, WalkForwardsList, WalkForwardView } from "./components/walk-forward-view";
export { createWalkForward, useCreateWalkForward } from "./api/create-walk-forward";
