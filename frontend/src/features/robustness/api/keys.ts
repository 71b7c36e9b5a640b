export const robustnessKeys = {
  all: ["robustness"] as const,
  monteCarlos: (runId: string) => [...robustnessKeys.all, "monte-carlo", runId] as const,
  monteCarlo: (runId: string, id: string) => [...robustnessKeys.monteCarlos(runId), id] as const,
  walkForwards: () => [...robustnessKeys.all, "walk-forwards"] as const,
  walkForward: (id: string) => [...robustnessKeys.all, "walk-forward", id] as const,
};

/** How often an analysis still being computed is asked again: Monte Carlo paths finish in moments. */
export const MONTE_CARLO_POLL_MS = 300;
export const WALK_FORWARD_POLL_MS = 1000;
