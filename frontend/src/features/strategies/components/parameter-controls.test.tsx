import { screen } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { strategyParameter } from "@/test/fixtures";
import { renderWithProviders } from "@/test/render";
import { ParameterControls } from "./parameter-controls";

const PARAMETERS = [
  strategyParameter({ name: "fast", default: 10, min: 2, max: 50, step: 2 }),
  strategyParameter({ name: "k", default: 0.5, min: 0, max: 2 }),
  strategyParameter({ name: "threshold", default: 70 }),
];

function Controlled({ onChange }: { onChange: (name: string, value: number) => void }) {
  const [values, setValues] = useState<Record<string, number>>({ fast: 10, k: 0.5, threshold: 70 });
  return (
    <ParameterControls
      parameters={PARAMETERS}
      values={values}
      onChange={(name, value) => {
        onChange(name, value);
        setValues((v) => ({ ...v, [name]: value }));
      }}
    />
  );
}

describe("parameter controls from the declared params", () => {
  it("gives a ranged param a slider over its range with a number box, and one without a range only the box", () => {
    renderWithProviders(<Controlled onChange={() => {}} />);
    const fast = screen.getByRole("slider", { name: "fast" });
    expect(fast).toHaveAttribute("aria-valuemin", "2");
    expect(fast).toHaveAttribute("aria-valuemax", "50");
    expect(fast).toHaveAttribute("aria-valuenow", "10");
    expect(screen.getByRole("slider", { name: "k" })).toHaveAttribute("aria-valuenow", "0.5");
    expect(screen.queryByRole("slider", { name: "threshold" })).toBeNull();
    expect(screen.getByRole("spinbutton", { name: "threshold" })).toHaveValue(70);
    expect(screen.getByText("2 – 50 · default 10")).toBeInTheDocument();
    expect(screen.getByText("no range · default 70")).toBeInTheDocument();
  });

  it("moves a slider by its step and keeps its box in step with it", async () => {
    const onChange = vi.fn();
    const { user } = renderWithProviders(<Controlled onChange={onChange} />);
    const fast = screen.getByRole("slider", { name: "fast" });
    fast.focus();
    await user.keyboard("{ArrowRight}");
    expect(onChange).toHaveBeenLastCalledWith("fast", 12);
    expect(screen.getByRole("spinbutton", { name: "fast" })).toHaveValue(12);
  });

  it("takes a typed number as the value and moves the slider to it; a half-typed box changes nothing", async () => {
    const onChange = vi.fn();
    const { user } = renderWithProviders(<Controlled onChange={onChange} />);
    const box = screen.getByRole("spinbutton", { name: "fast" });
    await user.clear(box);
    expect(onChange).not.toHaveBeenCalled();
    await user.type(box, "24");
    expect(onChange).toHaveBeenLastCalledWith("fast", 24);
    expect(screen.getByRole("slider", { name: "fast" })).toHaveAttribute("aria-valuenow", "24");
  });

  it("says so when the strategy declares none", () => {
    renderWithProviders(<ParameterControls parameters={[]} values={{}} onChange={() => {}} />);
    expect(screen.getByText(/No parameters/)).toBeInTheDocument();
  });
});
