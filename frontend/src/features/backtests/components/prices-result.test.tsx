import { act, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { setLanguage } from "@/lib/i18n";
import { runResult, runSettings } from "@/test/fixtures";
import { renderWithProviders } from "@/test/render";
import { DividendsResult, hasPriceSettings, PriceRows } from "./prices-result";

const Row = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <div>
    <dt>{label}</dt>
    <dd>{children}</dd>
  </div>
);

afterEach(() => act(() => setLanguage("en")));

describe("what a run shows of its prices", () => {
  it("says which prices it used, how its bars were stored and how dividends were paid", () => {
    renderWithProviders(
      <PriceRows settings={runSettings({ price_adjustment: "split_adjusted", price_basis: "raw" })} krx={false} Row={Row} />,
    );
    expect(screen.getByTestId("run-price-adjustment")).toHaveTextContent("Split-adjusted");
    expect(screen.getByText("Bars stored as").nextSibling).toHaveTextContent("Raw");
    expect(screen.getByTestId("run-dividends")).toHaveTextContent("Paid as cash");
    expect(screen.queryByText("Price limits")).not.toBeInTheDocument();
  });

  it("says total-return prices hold the dividends, and shows KRX price limits in Korean", () => {
    setLanguage("ko");
    renderWithProviders(
      <PriceRows settings={runSettings({ price_adjustment: "total_return", dividends: "none", price_limits: true })} krx Row={Row} />,
    );
    expect(screen.getByTestId("run-price-adjustment")).toHaveTextContent("총수익");
    expect(screen.getByTestId("run-dividends")).toHaveTextContent("가격에 포함");
    expect(screen.getByText("가격제한폭").nextSibling).toHaveTextContent("적용");
  });

  it("knows runs whose settings do not say their prices", () => {
    expect(hasPriceSettings(runSettings())).toBe(true);
    expect(hasPriceSettings({ price_adjustment: undefined })).toBe(false);
    expect(hasPriceSettings(null)).toBe(false);
  });

  it("shows the dividends received, in 만 units for won in Korean, and nothing when none were paid", () => {
    setLanguage("ko");
    const { unmount } = renderWithProviders(
      <DividendsResult result={runResult({ metrics: { total_dividends: 12_345_678 } })} currency="KRW" />,
    );
    expect(screen.getByText("배당금 합계")).toBeInTheDocument();
    expect(screen.getByTestId("total-dividends")).toHaveTextContent("₩12,345,678 (₩1234.6만)");
    unmount();
    renderWithProviders(<DividendsResult result={runResult({ metrics: { total_dividends: 0 } })} currency="KRW" />);
    expect(screen.queryByTestId("dividends-result")).not.toBeInTheDocument();
  });
});
