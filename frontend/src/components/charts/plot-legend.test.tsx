import { screen } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { PLOT_PALETTE, type PlotSpec } from "@/lib/plots";
import { renderWithProviders } from "@/test/render";
import { PlotLegend, toggled } from "./plot-legend";

const PLOTS: PlotSpec[] = [
  { title: "SMA fast", color: null, style: "line", pane: "price" },
  { title: "RSI", color: "#ff8800", style: "line", pane: "lower" },
];

function Legend() {
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  return <PlotLegend plots={PLOTS} hidden={hidden} onToggle={(title) => setHidden((h) => toggled(h, title))} />;
}

describe("the plot legend", () => {
  it("lists each plot with its colour, says which are in the lower pane, and hides and shows one per click", async () => {
    const { user } = renderWithProviders(<Legend />);
    const sma = screen.getByRole("button", { name: "SMA fast" });
    const rsi = screen.getByRole("button", { name: /RSI/ });
    expect(rsi).toHaveTextContent("RSI· lower pane");
    expect(sma.querySelector("span")).toHaveStyle({ backgroundColor: PLOT_PALETTE[0] });
    expect(rsi.querySelector("span")).toHaveStyle({ backgroundColor: "#ff8800" });
    expect(sma).toHaveAttribute("aria-pressed", "true");
    await user.click(sma);
    expect(sma).toHaveAttribute("aria-pressed", "false");
    expect(sma).toHaveAttribute("title", "Show SMA fast");
    expect(rsi).toHaveAttribute("aria-pressed", "true");
    await user.click(sma);
    expect(sma).toHaveAttribute("aria-pressed", "true");
  });
});
