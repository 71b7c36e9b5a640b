/** How the recharts charts look, in the theme's colours: the grid and the axes' ticks and lines. */
export const GRID_STYLE = { stroke: "var(--border)", strokeDasharray: "3 3", vertical: false } as const;
export const AXIS_STYLE = { tick: { fontSize: 11, fill: "var(--muted-foreground)" }, stroke: "var(--border)" } as const;

/**
 * The line of a run's benchmark beside its equity: the comparison charts' second colour, so a
 * benchmark looks the same wherever it is drawn next to the run (the run itself is the primary colour).
 */
export const BENCHMARK_COLOR = "oklch(0.7 0.16 45)";
