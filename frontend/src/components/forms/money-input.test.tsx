import { zodResolver } from "@hookform/resolvers/zod";
import { act, screen } from "@testing-library/react";
import { useForm } from "react-hook-form";
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { Form } from "@/components/forms/form";
import { setLanguage } from "@/lib/i18n";
import { renderWithProviders } from "@/test/render";
import { MoneyField, positionAfter, significantBefore } from "./money-input";

function CapitalForm({
  currency,
  initial = "",
  onSave = () => {},
}: {
  currency: string;
  initial?: string;
  onSave?: (values: { capital: string }) => void;
}) {
  const form = useForm<{ capital: string }>({
    resolver: zodResolver(z.object({ capital: z.string() })),
    defaultValues: { capital: initial },
  });
  return (
    <Form {...form}>
      <form onSubmit={form.handleSubmit(onSave)}>
        <MoneyField control={form.control} name="capital" label="Capital" currency={currency} data-testid="capital" />
        <button type="submit">Save</button>
      </form>
    </Form>
  );
}

afterEach(() => {
  act(() => setLanguage("en"));
});

describe("a money input", () => {
  it("groups digits as they are typed, keeps the bare number for the form and reads the amount back", async () => {
    act(() => setLanguage("ko"));
    const onSave = vi.fn();
    const { user } = renderWithProviders(<CapitalForm currency="KRW" onSave={onSave} />);
    const input = screen.getByLabelText("Capital");
    await user.type(input, "10000000");
    expect(input).toHaveValue("10,000,000");
    expect(screen.getByTestId("capital-read-back")).toHaveTextContent("1,000만 원");
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(onSave).toHaveBeenCalledWith({ capital: "10000000" }, expect.anything());
  });

  it("reads won back in English and dollars with their symbol", async () => {
    const { user, unmount } = renderWithProviders(<CapitalForm currency="KRW" initial="10000000" />);
    expect(screen.getByLabelText("Capital")).toHaveValue("10,000,000");
    expect(screen.getByTestId("capital-read-back")).toHaveTextContent("₩10M");
    unmount();
    renderWithProviders(<CapitalForm currency="USD" />);
    await user.type(screen.getByLabelText("Capital"), "10000");
    expect(screen.getByTestId("capital-read-back")).toHaveTextContent("$10,000");
  });

  it("keeps the caret after the digit it was after when a comma appears before it", async () => {
    const { user } = renderWithProviders(<CapitalForm currency="USD" initial="100000" />);
    const input = screen.getByLabelText<HTMLInputElement>("Capital");
    expect(input).toHaveValue("100,000");
    // The caret after "1": typing 5 makes 1,500,000 and the caret stays after the 5.
    await user.click(input);
    input.setSelectionRange(1, 1);
    await user.keyboard("5");
    expect(input).toHaveValue("1,500,000");
    expect(input.selectionStart).toBe(3);
    await user.keyboard("{Backspace}");
    expect(input).toHaveValue("100,000");
    expect(input.selectionStart).toBe(1);
  });

  it("ignores letters and shows no read-back while empty", async () => {
    const { user } = renderWithProviders(<CapitalForm currency="USD" />);
    const input = screen.getByLabelText("Capital");
    expect(screen.queryByTestId("capital-read-back")).not.toBeInTheDocument();
    await user.type(input, "1a2b3");
    expect(input).toHaveValue("123");
  });
});

describe("the caret's place", () => {
  it("is counted in digits and decimal points, commas aside", () => {
    expect(significantBefore("1,500,000", 3)).toBe(2);
    expect(positionAfter("1,500,000", 2)).toBe(3);
    expect(positionAfter("1,500,000", 0)).toBe(0);
    expect(positionAfter("12", 5)).toBe(2);
  });
});
