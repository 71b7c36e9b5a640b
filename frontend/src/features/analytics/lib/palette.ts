/**
 * Colours of the runs in a comparison, distinct in light and dark themes (mid lightness, varied
 * hue); the first is the app's primary colour.
 */
export const RUN_COLORS = [
  "var(--primary)",
  "oklch(0.7 0.16 45)",
  "oklch(0.65 0.15 155)",
  "oklch(0.62 0.2 330)",
  "oklch(0.72 0.12 200)",
  "oklch(0.75 0.15 95)",
  "oklch(0.55 0.18 290)",
  "oklch(0.6 0.16 20)",
  "oklch(0.6 0.05 250)",
  "oklch(0.7 0.14 130)",
];

export const runColor = (index: number) => RUN_COLORS[index % RUN_COLORS.length]!;
