import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithProviders } from "@/test/render";
import { runResult } from "@/test/fixtures";
import { AccountResult, accountCostsOf } from "./account-result";

describe("what the account did", () => {
  it("shows nothing for a run that was charged nothing and never liquidated", () => {
    const plain = runResult({ metrics: { total_funding: 0, total_borrow_cost: 0, total_interest: 0, liquidations: 0 } });
    renderWithProviders(<AccountResult result={plain} currency="USD" timeZone="UTC" />);
    expect(screen.queryByTestId("account-result")).not.toBeInTheDocument();
    expect(accountCostsOf(plain)).toEqual({ funding: false, borrow: false, dividends: false });
  });

  it("shows the charges, each liquidation and that the account stopped trading", () => {
    const result = runResult({
      metrics: { total_funding: 12.5, total_borrow_cost: 0, total_interest: 3.25, liquidations: 1 },
      liquidations: [
        {
          time: "2024-03-04T00:00:00Z",
          margin_call: false,
          gap: true,
          equity_after: -120,
          stopped: true,
          message: "2024-03-04: the equity reached zero; the account stopped trading",
        },
      ],
    });
    renderWithProviders(<AccountResult result={result} currency="USD" timeZone="UTC" />);

    expect(screen.getByTestId("account-stopped")).toHaveTextContent("The account stopped trading");
    expect(screen.getByTestId("account-stopped")).toHaveTextContent("2024-03-04: the equity reached zero");
    expect(screen.getByTestId("account-metric-total_funding")).toHaveTextContent("Funding paid");
    expect(screen.getByTestId("account-metric-total_interest")).toBeInTheDocument();
    expect(screen.queryByTestId("account-metric-total_borrow_cost")).not.toBeInTheDocument();
    expect(screen.getByTestId("account-liquidations")).toHaveTextContent("Equity reached zero");
    expect(screen.getByTestId("account-liquidations")).toHaveTextContent("Prices jumped past the level");
    expect(accountCostsOf(result)).toEqual({ funding: true, borrow: true, dividends: false });
  });
});
