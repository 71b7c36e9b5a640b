import { screen } from "@testing-library/react";
import { useForm } from "react-hook-form";
import { describe, expect, it } from "vitest";
import { Form } from "@/components/forms/form";
import { emptyPriceValues, toPriceRequest, type PriceFormValues } from "@/lib/prices";
import { renderWithProviders } from "@/test/render";
import { PricesSection } from "./price-fields";

let latest: PriceFormValues | null = null;

function Harness({ krx }: { krx: boolean }) {
  const form = useForm<PriceFormValues>({ defaultValues: emptyPriceValues() });
  latest = form.watch();
  return (
    <Form {...form}>
      <PricesSection krx={krx} />
    </Form>
  );
}

describe("the prices section of a run form", () => {
  it("starts at split-adjusted prices with dividends as cash, each choice explained", () => {
    renderWithProviders(<Harness krx={false} />);
    expect(screen.getByTestId("price-adjustment-split_adjusted")).toBeChecked();
    expect(screen.getByText(/divided by later splits/)).toBeInTheDocument();
    expect(screen.getByText(/as they traded that day/)).toBeInTheDocument();
    expect(screen.getByText(/as if dividends were reinvested/)).toBeInTheDocument();
    expect(screen.getByTestId("dividends-cash")).toBeChecked();
    expect(screen.getByTestId("dividends-cash")).toBeEnabled();
  });

  it("turns dividends off and says why with total return, and gives the choice back after", async () => {
    const { user } = renderWithProviders(<Harness krx={false} />);
    await user.click(screen.getByTestId("price-adjustment-total_return"));
    expect(screen.getByTestId("dividends-cash")).toBeDisabled();
    expect(screen.getByTestId("dividends-cash")).not.toBeChecked();
    expect(screen.getByTestId("dividends-cash-hint")).toHaveTextContent("already hold the dividends");
    expect(toPriceRequest(latest!, false)).toEqual({ price_adjustment: "total_return", dividends: "none", price_limits: undefined });

    await user.click(screen.getByTestId("price-adjustment-raw"));
    expect(screen.getByTestId("dividends-cash")).toBeEnabled();
    expect(screen.getByTestId("dividends-cash")).toBeChecked();
    expect(toPriceRequest(latest!, false).dividends).toBe("cash");
  });

  it("offers KRX price limits, on by default, only for a KRX symbol", async () => {
    const { user, unmount } = renderWithProviders(<Harness krx={false} />);
    expect(screen.queryByTestId("price-limits")).not.toBeInTheDocument();
    unmount();
    renderWithProviders(<Harness krx />);
    const limits = screen.getByRole("switch", { name: "KRX daily price limits" });
    expect(limits).toBeChecked();
    await user.click(limits);
    expect(toPriceRequest(latest!, true).price_limits).toBe(false);
  });
});
