"use client";

import type { ReactNode } from "react";
import { cn } from "@/lib/utils";

export interface HeatmapGridProps {
  /** What the grid shows, for assistive technology. */
  label: string;
  /** The corner cell's text: what the rows and columns are. */
  corner?: ReactNode;
  rowLabels: ReactNode[];
  columnLabels: ReactNode[];
  /** values[row][column]; null where there is no value. */
  values: (number | null)[][];
  format: (value: number) => string;
  color: (value: number | null) => string;
  /** Whether a value's cell is coloured strongly enough to need light text (dark text in the dark theme). */
  strong?: (value: number) => boolean;
  /** A last column outside the colour grid (e.g. each year's total), formatted and coloured the same way. */
  summary?: { label: ReactNode; values: (number | null)[] };
  /** Cells become buttons when given (e.g. to pick a combination). */
  onSelect?: (row: number, column: number) => void;
  selected?: { row: number; column: number } | null;
  /** Spoken name of a cell, e.g. "2013 March: +4.2%". */
  cellLabel?: (row: number, column: number, text: string) => string;
  className?: string;
  testId?: string;
}

/**
 * A heatmap as a real table: row and column headers, one coloured cell per value with the value
 * written in it, so it reads with a screen reader and on a phone (it scrolls sideways when narrow).
 */
export function HeatmapGrid({
  label,
  corner,
  rowLabels,
  columnLabels,
  values,
  format,
  color,
  strong,
  summary,
  onSelect,
  selected,
  cellLabel,
  className,
  testId,
}: HeatmapGridProps) {
  return (
    <div className={cn("overflow-x-auto", className)} data-testid={testId}>
      <table className="w-full border-separate border-spacing-0.5 text-xs tabular-nums" aria-label={label}>
        <thead>
          <tr>
            <th scope="col" className="w-px px-1.5 py-1 text-left font-medium whitespace-nowrap text-muted-foreground">
              {corner}
            </th>
            {columnLabels.map((column, c) => (
              <th key={c} scope="col" className="px-1 py-1 text-center font-medium whitespace-nowrap text-muted-foreground">
                {column}
              </th>
            ))}
            {summary && (
              <th scope="col" className="px-1.5 py-1 text-center font-semibold whitespace-nowrap text-muted-foreground">
                {summary.label}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {values.map((row, r) => (
            <tr key={r}>
              <th scope="row" className="px-1.5 py-1 text-left font-medium whitespace-nowrap text-muted-foreground">
                {rowLabels[r]}
              </th>
              {columnLabels.map((_, c) => {
                const value = row[c] ?? null;
                const text = value === null ? "" : format(value);
                const isSelected = selected?.row === r && selected.column === c;
                const content = value === null ? <span className="text-muted-foreground/50">·</span> : text;
                const spoken = cellLabel ? cellLabel(r, c, text || "—") : undefined;
                return (
                  <td
                    key={c}
                    data-row={r}
                    data-column={c}
                    data-value={value ?? ""}
                    className={cn(
                      "h-8 min-w-12 rounded-sm px-1 text-center font-medium whitespace-nowrap",
                      value === null && "bg-muted/30",
                      value !== null && strong?.(value) && "text-white dark:text-background",
                      isSelected && "ring-2 ring-ring ring-offset-1 ring-offset-background",
                    )}
                    style={value === null ? undefined : { backgroundColor: color(value) }}
                  >
                    {onSelect && value !== null ? (
                      <button
                        type="button"
                        onClick={() => onSelect(r, c)}
                        aria-label={spoken}
                        aria-pressed={isSelected}
                        className="size-full rounded-sm px-1 outline-none focus-visible:ring-[3px] focus-visible:ring-ring/60"
                      >
                        {content}
                      </button>
                    ) : (
                      <span aria-label={spoken}>{content}</span>
                    )}
                  </td>
                );
              })}
              {summary && (
                <td
                  className={cn(
                    "h-8 min-w-16 rounded-sm px-1.5 text-center font-semibold whitespace-nowrap",
                    summary.values[r] != null && strong?.(summary.values[r]!) && "text-white dark:text-background",
                  )}
                  style={summary.values[r] == null ? undefined : { backgroundColor: color(summary.values[r]!) }}
                >
                  {summary.values[r] == null ? "—" : format(summary.values[r]!)}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
