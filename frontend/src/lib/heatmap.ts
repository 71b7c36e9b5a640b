/**
 * Heatmaps as data: the cells of a grid (monthly returns, an optimisation's score per pair of
 * parameters) and the colour of each. Colours are CSS (the theme's gain and loss colours mixed with
 * transparency), so one mapping serves the light and the dark theme.
 */

export interface HeatCell {
  row: number;
  column: number;
  value: number | null;
}

/** Cells of `values[row][column]` (ragged rows allowed), missing or non-finite values as null. */
export function gridCells(values: readonly (readonly (number | null | undefined)[])[], columns: number): HeatCell[] {
  const cells: HeatCell[] = [];
  values.forEach((row, r) => {
    for (let c = 0; c < columns; c++) {
      const v = row[c];
      cells.push({ row: r, column: c, value: typeof v === "number" && Number.isFinite(v) ? v : null });
    }
  });
  return cells;
}

/** The largest absolute value, so that colour scales are symmetric around zero; 0 when none. */
export function maxAbs(values: Iterable<number | null | undefined>): number {
  let max = 0;
  for (const v of values) if (typeof v === "number" && Number.isFinite(v)) max = Math.max(max, Math.abs(v));
  return max;
}

/** 0..1: how strong a value's colour is on a scale reaching `scale`; a gentle floor keeps small values visible. */
export function intensity(value: number, scale: number): number {
  if (!(scale > 0) || value === 0) return 0;
  const t = Math.min(1, Math.abs(value) / scale);
  return 0.12 + 0.78 * Math.sqrt(t);
}

/**
 * A diverging colour around zero: gains in the up colour, losses in the down colour (the trader's
 * convention swaps `--gain` and `--loss`), stronger the further from zero (relative to `scale`); null
 * (no data) is transparent.
 */
export function divergingColor(value: number | null, scale: number): string {
  if (value === null) return "transparent";
  const strength = intensity(value, scale);
  if (strength === 0) return "var(--muted)";
  const colour = value > 0 ? "var(--gain)" : "var(--loss)";
  return `color-mix(in oklch, ${colour} ${Math.round(strength * 100)}%, transparent)`;
}

/**
 * A sequential colour from the lowest to the highest value (an optimisation's scores, which need not
 * straddle zero): low is faint, high strong, in the primary colour.
 */
export function sequentialColor(value: number | null, min: number, max: number): string {
  if (value === null) return "transparent";
  const strength = sequentialStrength(value, min, max);
  return `color-mix(in oklch, var(--primary) ${Math.round(strength * 100)}%, transparent)`;
}

/** How strong a sequential colour is (0..1), as {@link sequentialColor} mixes it. */
export function sequentialStrength(value: number, min: number, max: number): number {
  const t = max > min ? (value - min) / (max - min) : 1;
  return 0.1 + 0.85 * Math.min(1, Math.max(0, t));
}

/** Whether text on a cell of this strength needs the contrasting colour. */
export function isStrong(strength: number): boolean {
  return strength >= 0.6;
}

export function finiteRange(values: Iterable<number | null | undefined>): { min: number; max: number } | null {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (typeof v === "number" && Number.isFinite(v)) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
  }
  return min <= max ? { min, max } : null;
}
