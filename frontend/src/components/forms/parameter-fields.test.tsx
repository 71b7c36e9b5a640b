import { render, screen } from "@testing-library/react";
import { useForm } from "react-hook-form";
import { describe, expect, it } from "vitest";
import { Form } from "./form";
import { ParameterFields } from "./parameter-fields";
import { strategyParameter } from "@/test/fixtures";

function Harness({ parameters }: { parameters: Parameters<typeof ParameterFields>[0]["parameters"] }) {
  const form = useForm({ defaultValues: { parameters: { fast: "10" } as Record<string, string> } });
  return (
    <Form {...form}>
      <form>
        <ParameterFields parameters={parameters} />
      </form>
    </Form>
  );
}

describe("parameter inputs generated from a strategy's params", () => {
  it("gives each declared param a number input with its range, step and default", () => {
    render(
      <Harness
        parameters={[
          strategyParameter({ name: "fast", default: 10, min: 2, max: 100, step: 1 }),
          strategyParameter({ name: "mult", default: 2.5, min: 0.5, max: 5, step: 0.25 }),
          strategyParameter({ name: "threshold", default: 0 }),
        ]}
      />,
    );
    const fast = screen.getByLabelText("fast");
    expect(fast).toHaveAttribute("type", "number");
    expect(fast).toHaveAttribute("min", "2");
    expect(fast).toHaveAttribute("max", "100");
    expect(fast).toHaveAttribute("step", "1");
    expect(fast).toHaveValue(10);
    expect(screen.getByText("2 – 100 · step 1 · default 10")).toBeInTheDocument();

    const mult = screen.getByLabelText("mult");
    expect(mult).toHaveAttribute("step", "0.25");
    expect(mult).toHaveAttribute("placeholder", "2.5");
    expect(screen.getByText("0.5 – 5 · step 0.25 · default 2.5")).toBeInTheDocument();

    // A param without a range accepts any number.
    const threshold = screen.getByLabelText("threshold");
    expect(threshold).not.toHaveAttribute("min");
    expect(threshold).toHaveAttribute("step", "any");
    expect(screen.getByText("default 0")).toBeInTheDocument();
  });

  it("says so when the strategy declares none", () => {
    render(<Harness parameters={[]} />);
    expect(screen.getByText("This strategy declares no parameters.")).toBeInTheDocument();
  });
});
