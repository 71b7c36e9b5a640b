import { describe, expect, it } from "vitest";
import { divergingColor, finiteRange, gridCells, intensity, isStrong, maxAbs, sequentialColor } from "./heatmap";

describe("heatmap cells and colours", () => {
  it("maps values[row][column] to cells, missing and non-finite values as empty", () => {
    const cells = gridCells([[0.1, null], [Number.NaN]], 2);
    expect(cells).toEqual([
      { row: 0, column: 0, value: 0.1 },
      { row: 0, column: 1, value: null },
      { row: 1, column: 0, value: null },
      { row: 1, column: 1, value: null },
    ]);
  });

  it("colours gains green and losses red on one scale around zero, stronger further out", () => {
    const scale = maxAbs([0.05, -0.1, null]);
    expect(scale).toBe(0.1);
    expect(divergingColor(0.05, scale)).toMatch(/var\(--gain\) \d+%/);
    expect(divergingColor(-0.1, scale)).toBe("color-mix(in oklch, var(--loss) 90%, transparent)");
    expect(divergingColor(0, scale)).toBe("var(--muted)");
    expect(divergingColor(null, scale)).toBe("transparent");
    expect(intensity(-0.1, scale)).toBeGreaterThan(intensity(0.05, scale));
    expect(isStrong(intensity(-0.1, scale))).toBe(true);
    expect(isStrong(intensity(0.001, scale))).toBe(false);
  });

  it("colours scores from the lowest (faint) to the highest (strong)", () => {
    const range = finiteRange([0.56, 1.22, -0.21, null]);
    expect(range).toEqual({ min: -0.21, max: 1.22 });
    expect(sequentialColor(1.22, range!.min, range!.max)).toBe("color-mix(in oklch, var(--primary) 95%, transparent)");
    expect(sequentialColor(-0.21, range!.min, range!.max)).toBe("color-mix(in oklch, var(--primary) 10%, transparent)");
    expect(finiteRange([null, undefined])).toBeNull();
  });
});
