export const analyticsKeys = {
  all: ["analytics"] as const,
  runs: () => [...analyticsKeys.all, "runs"] as const,
  comparison: (ids: readonly string[], points: number) => [...analyticsKeys.all, "compare", [...ids], points] as const,
  optimizations: () => [...analyticsKeys.all, "optimizations"] as const,
  optimization: (id: string, axes: { x?: string; y?: string }) => [...analyticsKeys.all, "optimization", id, axes] as const,
  symbols: () => [...analyticsKeys.all, "symbols"] as const,
  strategies: () => [...analyticsKeys.all, "strategies"] as const,
};
