import { screen } from "@testing-library/react";
import { useForm, useWatch } from "react-hook-form";
import { describe, expect, it, vi } from "vitest";
import { Form } from "@/components/forms/form";
import type { SchemaSymbolView } from "@/lib/api/schema";
import { aaplSample, symbolView } from "@/test/fixtures";
import { renderWithProviders } from "@/test/render";
import { findSymbol, MarketRangeFields, type MarketRangeValues } from "./market-range-fields";

const MINUTES = {
  interval: "1m",
  first_bar: "2013-11-25T00:00:00Z",
  last_bar: "2013-12-01T16:02:00Z",
  bar_count: 9399,
  price_basis: "raw" as const,
};
const HOURS = {
  interval: "1h",
  first_bar: "2013-11-20T00:00:00Z",
  last_bar: "2013-12-01T16:00:00Z",
  bar_count: 281,
  price_basis: "raw" as const,
};
const BTC = symbolView({ symbol: "BTCUSD.BITSTAMP", time_zone: "UTC", intervals: [MINUTES, HOURS] });
const SYMBOLS = [aaplSample(), BTC];

function Harness({ onSymbolPicked }: { onSymbolPicked?: (picked: SchemaSymbolView) => void }) {
  const form = useForm<MarketRangeValues>({ defaultValues: { symbol: "", interval: "", start_date: "", end_date: "" } });
  const code = useWatch({ control: form.control, name: "symbol" });
  return (
    <Form {...form}>
      <MarketRangeFields
        symbols={SYMBOLS}
        loading={false}
        symbol={findSymbol(SYMBOLS, code)}
        onSymbolPicked={onSymbolPicked}
        symbolTestId="symbol"
      />
    </Form>
  );
}

describe("the symbol, interval and dates of a run", () => {
  it("finds the symbol a code names whatever its case and spaces", () => {
    expect(findSymbol(SYMBOLS, " aapl ")?.symbol).toBe("AAPL");
    expect(findSymbol(SYMBOLS, "MSFT")).toBeUndefined();
    expect(findSymbol(undefined, "AAPL")).toBeUndefined();
  });

  it.each([
    ["AAPL", "daily, when stored", "2013-01-02", "2013-12-31"],
    ["BTCUSD.BITSTAMP", "else the longest stored (1h)", "2013-11-20", "2013-12-01"],
  ])("picking %s chooses its interval (%s) and that interval's whole range", async (code, _interval, first, last) => {
    const onSymbolPicked = vi.fn();
    const { user } = renderWithProviders(<Harness onSymbolPicked={onSymbolPicked} />);
    await user.type(screen.getByTestId("symbol"), code.slice(0, 3));
    await user.click(screen.getByRole("option", { name: new RegExp(code.replace(".", "\\.")) }));
    expect(screen.getByTestId("start-date")).toHaveValue(first);
    expect(screen.getByTestId("end-date")).toHaveValue(last);
    expect(screen.getByTestId("start-date")).toHaveAttribute("min", first);
    expect(screen.getByTestId("end-date")).toHaveAttribute("max", last);
    expect(onSymbolPicked).toHaveBeenCalledWith(expect.objectContaining({ symbol: code }));
  });
});
