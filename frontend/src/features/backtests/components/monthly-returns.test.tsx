import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { gridFromResult } from "./backtest-result";
import { monthlyRows, monthNames, MonthlyReturns } from "./monthly-returns";
import { runResult } from "@/test/fixtures";

const GRID = {
  years: [2013, 2014],
  months: [
    [0, 0, -0.047838, -0.03595, -0.031545, -0.0299, 0.04219, 0.07333, -0.07732, 0.07308, 0.06289, 0.00878],
    [0.01, null as unknown as number, 0.02],
  ],
  yearly: [0.024125, 0.0302],
};

describe("the monthly returns heatmap", () => {
  it("maps the API's grid to one row per year and twelve month cells, null where there were no bars", () => {
    const rows = monthlyRows(GRID);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveLength(12);
    expect(rows[0]![2]).toBe(-0.047838);
    expect(rows[1]!.slice(0, 4)).toEqual([0.01, null, 0.02, null]);
  });

  it("names months in the language", () => {
    expect(monthNames("en-US").slice(0, 3)).toEqual(["Jan", "Feb", "Mar"]);
    expect(monthNames("ko-KR")[11]).toBe("12월");
  });

  it("renders a cell per month with its value, coloured by sign, and the year's total", () => {
    render(<MonthlyReturns grid={GRID} loading={false} />);
    const table = screen.getByRole("table", { name: "Monthly returns" });
    const march = table.querySelector('td[data-row="0"][data-column="2"]') as HTMLElement;
    expect(march).toHaveTextContent("-4.8%");
    expect(march.style.backgroundColor).toContain("var(--loss)");
    const august = table.querySelector('td[data-row="0"][data-column="7"]') as HTMLElement;
    expect(august).toHaveTextContent("+7.3%");
    expect(august.style.backgroundColor).toContain("var(--gain)");
    // The strongest month of the scale gets contrasting text.
    expect(table.querySelector('td[data-row="0"][data-column="8"]')).toHaveClass("text-white");
    const empty = table.querySelector('td[data-row="1"][data-column="1"]') as HTMLElement;
    expect(empty.dataset.value).toBe("");
    expect(within(table).getAllByRole("row")[1]).toHaveTextContent("+2.4%");
    expect(within(march).getByLabelText("2013 Mar: -4.8%")).toBeInTheDocument();
    expect(within(screen.getByTestId("yearly-returns")).getByText("+3.0%")).toBeInTheDocument();
  });

  it("builds the same grid from the stored monthly and yearly returns", () => {
    const grid = gridFromResult(
      runResult({
        monthly_returns: [
          { year: 2013, month: 11, return: 0.05 },
          { year: 2014, month: 1, return: -0.02 },
        ],
        yearly_returns: [{ year: 2013, return: 0.05 }],
      }),
    );
    expect(grid?.years).toEqual([2013, 2014]);
    expect(grid?.months?.[0]?.[10]).toBe(0.05);
    expect(grid?.months?.[1]?.[0]).toBe(-0.02);
    expect(grid?.yearly).toEqual([0.05, null]);
  });
});
