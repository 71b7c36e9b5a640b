/** How the recharts charts look, in the theme's colours: the grid and the axes' ticks and lines. */
export const GRID_STYLE = { stroke: "var(--border)", strokeDasharray: "3 3", vertical: false } as const;
export const AXIS_STYLE = { tick: { fontSize: 11, fill: "var(--muted-foreground)" }, stroke: "var(--border)" } as const;
