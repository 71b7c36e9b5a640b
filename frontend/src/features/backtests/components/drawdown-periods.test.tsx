import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithProviders } from "@/test/render";
import { DrawdownPeriods } from "./drawdown-periods";

const DAY = 86_400_000;
const JAN_1 = Date.UTC(2024, 0, 1);

describe("the drawdown periods table", () => {
  it("lists each period's start, trough, recovery, depth and length, and says when one never recovered", () => {
    renderWithProviders(
      <DrawdownPeriods
        loading={false}
        timeZone="UTC"
        interval="1d"
        periods={[
          { start: JAN_1 + 5 * DAY, trough: JAN_1 + 7 * DAY, recovery: null, depth: -0.25, duration_days: 4, duration_bars: 4 },
          { start: JAN_1 + DAY, trough: JAN_1 + 3 * DAY, recovery: JAN_1 + 4 * DAY, depth: -0.1, duration_days: 3, duration_bars: 3 },
        ]}
      />,
    );
    const [first, second] = screen.getAllByTestId("drawdown-period");
    expect(first).toHaveTextContent("-25.00%");
    expect(first).toHaveTextContent("2024-01-06");
    expect(first).toHaveTextContent("2024-01-08");
    expect(within(first!).getByTestId("not-recovered")).toHaveTextContent("Not recovered");
    expect(first).toHaveTextContent("4 days · 4 bars");
    expect(second).toHaveTextContent("2024-01-05");
    expect(within(second!).queryByTestId("not-recovered")).not.toBeInTheDocument();
  });

  it("says when the equity never fell", () => {
    renderWithProviders(<DrawdownPeriods loading={false} timeZone="UTC" interval="1d" periods={[]} />);
    expect(screen.getByText("The equity never fell below a previous peak.")).toBeInTheDocument();
  });
});
