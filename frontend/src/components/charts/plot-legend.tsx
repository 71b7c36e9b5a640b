"use client";

import { useT } from "@/lib/i18n";
import { isLowerPane, plotColors, type PlotSpec } from "@/lib/plots";
import { cn } from "@/lib/utils";

/**
 * The plotted series' titles with their colours; each is a toggle that hides or shows its line. A
 * series drawn in the lower pane says so.
 */
export function PlotLegend({
  plots,
  hidden,
  onToggle,
  className,
}: {
  plots: readonly PlotSpec[];
  hidden: ReadonlySet<string>;
  onToggle: (title: string) => void;
  className?: string;
}) {
  const t = useT();
  if (plots.length === 0) return null;
  const colors = plotColors(plots);
  return (
    <ul className={cn("flex flex-wrap gap-1.5", className)} aria-label={t("plots.legend")} data-testid="plot-legend">
      {plots.map((plot, i) => {
        const shown = !hidden.has(plot.title);
        return (
          <li key={plot.title}>
            <button
              type="button"
              aria-pressed={shown}
              title={shown ? t("plots.hide", { title: plot.title }) : t("plots.show", { title: plot.title })}
              onClick={() => onToggle(plot.title)}
              className={cn(
                "flex items-center gap-1.5 rounded-md border px-2 py-0.5 text-xs outline-none hover:bg-accent focus-visible:ring-[3px] focus-visible:ring-ring/50",
                !shown && "text-muted-foreground line-through opacity-60",
              )}
              data-plot={plot.title}
            >
              <span
                className={cn("inline-block shrink-0 rounded-full", plot.style === "histogram" ? "size-2.5 rounded-sm" : "h-0.5 w-3.5")}
                style={{ backgroundColor: colors[i] }}
                aria-hidden
              />
              <span className="max-w-48 truncate">{plot.title}</span>
              {isLowerPane(plot) && <span className="text-muted-foreground">· {t("plots.lowerPane")}</span>}
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/** The hidden set after toggling one title. */
export function toggled(hidden: ReadonlySet<string>, title: string): Set<string> {
  const next = new Set(hidden);
  if (!next.delete(title)) next.add(title);
  return next;
}
