/**
 * English strings for stopping queued and running jobs (spread into en.ts; ko-polish.ts must have every key, which the type checks).
 */
export const enPolish = {
  stop: {
    run: "Stop run",
    runTitle: "Stop this run?",
    runDescription: "“{name}” on {symbol} stops at its next check and keeps no result.",
    runStopped: "Run stopped",
    optimization: "Stop optimisation",
    optimizationTitle: "Stop this optimisation?",
    optimizationDescription: "{name} on {symbol} stops at its next check; it can then be deleted.",
    walkForward: "Stop walk-forward",
    walkForwardTitle: "Stop this walk-forward?",
    walkForwardDescription: "{name} on {symbol} stops: its queued windows are dropped.",
    keepRunning: "Keep running",
  },
};
