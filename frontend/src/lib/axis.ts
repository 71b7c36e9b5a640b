/**
 * Round tick values for a value axis: steps of 1, 2, 2.5 or 5 times a power of ten, so that a
 * drawdown axis reads 0 / -5 / -10 / -15 / -20% and never -7 / -15 / -22%.
 */
const STEPS = [1, 2, 2.5, 5, 10];

/** The round step that splits `span` into at most `count` parts. */
export function niceStep(span: number, count: number): number {
  if (!(span > 0) || !Number.isFinite(span) || count < 1) return 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = STEPS.find((s) => s * power >= raw - power * 1e-9) ?? 10;
  return step * power;
}

/**
 * Ticks from a multiple of the step at or below `min` to one at or above `max`, about `count`
 * intervals apart; a flat range gets one tick either side of its value.
 */
export function niceTicks(min: number, max: number, count = 4): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (min > max) [min, max] = [max, min];
  if (min === max) {
    const pad = min === 0 ? 1 : Math.abs(min) * 0.1;
    return niceTicks(min - pad, max + pad, count);
  }
  const step = niceStep(max - min, count);
  const first = Math.floor(min / step + 1e-9) * step;
  const ticks: number[] = [];
  for (let tick = first; tick < max + step - step * 1e-9; tick += step) {
    // Rounded to the step's own decimals, so 0.1 + 0.2 reads 0.3.
    const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 2);
    ticks.push(Number(tick.toFixed(decimals)) + 0);
  }
  return ticks;
}

/** The smallest and largest finite values of some series, or null when there is none. */
export function extent(...series: readonly (readonly (number | null | undefined)[])[]): [number, number] | null {
  let low = Infinity;
  let high = -Infinity;
  for (const values of series) {
    for (const value of values) {
      if (typeof value !== "number" || !Number.isFinite(value)) continue;
      if (value < low) low = value;
      if (value > high) high = value;
    }
  }
  return low <= high ? [low, high] : null;
}
