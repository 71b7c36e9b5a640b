import { screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { json, renderWithProviders, stubApi } from "@/test/render";
import { Landing } from "./landing";

afterEach(() => vi.unstubAllGlobals());

describe("the front page", () => {
  it("states the figures the API counts from its catalogue, never fixed ones", async () => {
    const { requests } = stubApi((_, url) =>
      url.pathname === "/api/v1/catalogue/summary" ? json(200, { indicators: 29, functions: 57, templates: 18, intervals: 8 }) : undefined,
    );

    renderWithProviders(<Landing actions={null} />);

    expect(await within(screen.getByTestId("figure-stat2")).findByText("29")).toBeInTheDocument();
    expect(within(screen.getByTestId("figure-stat1")).getByText("18")).toBeInTheDocument();
    expect(within(screen.getByTestId("figure-stat3")).getByText("8")).toBeInTheDocument();
    expect(screen.queryByText("40+")).not.toBeInTheDocument();
    expect(requests.some((r) => new URL(r.url).pathname === "/api/v1/catalogue/summary")).toBe(true);
  });

  it("shows a dash, not a guess, until the figures arrive", () => {
    stubApi(() => new Promise<Response>(() => {}));

    renderWithProviders(<Landing actions={null} />);

    expect(within(screen.getByTestId("figure-stat2")).getByText("—")).toBeInTheDocument();
  });
});
