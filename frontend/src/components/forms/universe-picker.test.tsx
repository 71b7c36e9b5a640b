import { screen, waitFor } from "@testing-library/react";
import { useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { json, renderWithProviders, stubApi } from "@/test/render";
import { UniversePicker, type UniverseChoice } from "./universe-picker";

const ETFS = "22222222-2222-4222-8222-222222222222";

function pickerApi() {
  return stubApi((_, url) => {
    if (url.pathname === "/api/v1/universes") {
      return json(200, {
        items: [{ id: ETFS, name: "US asset classes", shared: true, symbol_count: 4, symbols_preview: ["SPY"], missing_count: 1 }],
        page: 0,
        size: 100,
        total_items: 1,
        total_pages: 1,
      });
    }
    if (url.pathname === `/api/v1/universes/${ETFS}`) {
      return json(200, { id: ETFS, name: "US asset classes", symbols: ["SPY", "QQQ", "TLT", "GLD"], missing_symbols: ["GLD"] });
    }
    return undefined;
  });
}

/** The picker in a form's place: keeps the choice and reports every change. */
function Harness({ onChange }: { onChange: (choice: UniverseChoice) => void }) {
  const [choice, setChoice] = useState<UniverseChoice>({ universeId: null, symbols: [] });
  return (
    <UniversePicker
      value={choice}
      onChange={(next) => {
        setChoice(next);
        onChange(next);
      }}
    />
  );
}

afterEach(() => vi.unstubAllGlobals());

describe("UniversePicker", () => {
  it("hands over a saved universe's symbols and says which have no data", async () => {
    pickerApi();
    const onChange = vi.fn();
    const { user } = renderWithProviders(<Harness onChange={onChange} />);

    await user.click(await screen.findByRole("combobox", { name: "Universe" }));
    await user.click(await screen.findByRole("option", { name: /US asset classes · 4 symbols · Shared/ }));

    await waitFor(() => expect(onChange).toHaveBeenLastCalledWith({ universeId: ETFS, symbols: ["SPY", "QQQ", "TLT", "GLD"] }));
    expect(await screen.findByTestId("universe-picker-missing")).toHaveTextContent("1 symbol has no data yet: GLD");
  });

  it("takes typed or pasted symbols in any separators, without repeats", async () => {
    pickerApi();
    const onChange = vi.fn();
    const { user } = renderWithProviders(<Harness onChange={onChange} />);

    await user.click(screen.getByRole("tab", { name: "Type symbols" }));
    await user.click(screen.getByRole("textbox", { name: "Symbols" }));
    await user.paste("005930.KS\n000660.KS, 005930.KS");

    expect(onChange).toHaveBeenLastCalledWith({ universeId: null, symbols: ["005930.KS", "000660.KS"] });
    expect(screen.getByText(/2 symbols/)).toBeInTheDocument();
  });

  it("points out entries that are not symbols", async () => {
    pickerApi();
    const { user } = renderWithProviders(<Harness onChange={() => {}} />);

    await user.click(screen.getByRole("tab", { name: "Type symbols" }));
    await user.click(screen.getByRole("textbox", { name: "Symbols" }));
    await user.paste("SPY ~mine");

    expect(screen.getByRole("alert")).toHaveTextContent("Not symbols: ~mine");
    expect(screen.getByRole("textbox", { name: "Symbols" })).toHaveAttribute("aria-invalid", "true");
  });
});
