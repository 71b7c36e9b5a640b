import { act, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { setLanguage } from "@/lib/i18n";
import { runPrices, runResult } from "@/test/fixtures";
import { renderWithProviders } from "@/test/render";
import { DividendsResult, PriceRows } from "./prices-result";

const Row = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <div>
    <dt>{label}</dt>
    <dd>{children}</dd>
  </div>
);

afterEach(() => act(() => setLanguage("en")));

describe("what a run shows of its prices", () => {
  it("says which prices it used, how its bars were stored and how dividends were paid", () => {
    renderWithProviders(<PriceRows prices={runPrices({ price_adjustment: "split_adjusted", price_basis: "raw" })} Row={Row} />);
    expect(screen.getByTestId("run-price-adjustment")).toHaveTextContent("Split-adjusted");
    expect(screen.getByText("Bars stored as").nextSibling).toHaveTextContent("Raw");
    expect(screen.getByTestId("run-dividends")).toHaveTextContent("Paid as cash");
    expect(screen.queryByText("Price limits")).not.toBeInTheDocument();
  });

  it("says total-return prices hold the dividends, and shows KRX price limits in Korean", () => {
    setLanguage("ko");
    renderWithProviders(
      <PriceRows
        prices={runPrices({ price_adjustment: "total_return", dividends: "none", price_limits: true, board: "kospi" })}
        Row={Row}
      />,
    );
    expect(screen.getByTestId("run-price-adjustment")).toHaveTextContent("총수익");
    expect(screen.getByTestId("run-dividends")).toHaveTextContent("가격에 포함");
    expect(screen.getByText("가격제한폭").nextSibling).toHaveTextContent("적용 (코스피)");
  });

  it("says a run stored before price adjustments read its bars as stored", () => {
    renderWithProviders(
      <PriceRows prices={runPrices({ price_adjustment: "raw", dividends: "none", price_basis: "raw", as_stored: true })} Row={Row} />,
    );
    expect(screen.getByTestId("run-price-adjustment")).toHaveTextContent("As stored");
    expect(screen.getByTestId("run-dividends")).toHaveTextContent("Not paid");
  });

  it("says why price limits asked for outside KRX were not applied, in the reader's language", () => {
    setLanguage("ko");
    renderWithProviders(
      <PriceRows
        prices={runPrices({ note: "price_limits applies to KRX symbols only; this run has none, so it was ignored" })}
        Row={Row}
      />,
    );
    expect(screen.queryByText("가격제한폭")).not.toBeInTheDocument();
    expect(screen.getByTestId("run-prices-note")).toHaveTextContent("KRX 종목에만 적용");
  });

  it("shows the dividends received, in 만 units for won in Korean, and nothing when none were paid", () => {
    setLanguage("ko");
    const { unmount } = renderWithProviders(
      <DividendsResult result={runResult({ metrics: { total_dividends: 12_345_678 } })} currency="KRW" />,
    );
    expect(screen.getByText("배당금 합계")).toBeInTheDocument();
    expect(screen.getByTestId("total-dividends")).toHaveTextContent("₩12,345,678 (₩1,234.57만)");
    unmount();
    renderWithProviders(<DividendsResult result={runResult({ metrics: { total_dividends: 0 } })} currency="KRW" />);
    expect(screen.queryByTestId("dividends-result")).not.toBeInTheDocument();
  });
});
