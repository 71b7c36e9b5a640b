import { screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { json, renderWithProviders, stubApi } from "@/test/render";
import { useAnalyticsStore } from "../stores/analytics-store";
import { AnalyticsView, type AnalyticsRobustness } from "./analytics-view";

const robustness: AnalyticsRobustness = {
  optimization: (id) => <p>robustness of {id}</p>,
  startWalkForward: async () => "wf-9",
  walkForwardList: (open) => <p>walk-forwards, open: {open ?? "none"}</p>,
  walkForwardView: (id) => <p>walk-forward {id}</p>,
  noWalkForward: <p>no walk-forward</p>,
};

beforeEach(() => {
  useAnalyticsStore.setState({ tab: "compare", optimizationId: null, walkForwardId: null, selected: [], axes: {} });
  window.history.replaceState(null, "", "/analytics");
  stubApi((_, url) =>
    url.pathname === "/api/v1/strategies"
      ? json(200, { items: [], total_items: 0 })
      : url.pathname === "/api/v1/data/symbols"
        ? json(200, [])
        : json(200, { items: [], total_items: 0 }),
  );
});
afterEach(() => vi.unstubAllGlobals());

describe("the analytics screen's walk-forward tab", () => {
  it("opens the walk-forward named in the address, and keeps the open one in the address", async () => {
    renderWithProviders(<AnalyticsView initial={{ tab: "walk-forward", walkForward: "wf-1" }} robustness={robustness} />);
    expect(await screen.findByText("walk-forward wf-1")).toBeInTheDocument();
    expect(screen.getByText("walk-forwards, open: wf-1")).toBeInTheDocument();
    expect(screen.getByTestId("walk-forward-form")).toBeInTheDocument();
    await vi.waitFor(() => expect(window.location.search).toBe("?tab=walk-forward&walk_forward=wf-1"));

    useAnalyticsStore.getState().showWalkForward("wf-2");
    await vi.waitFor(() => expect(window.location.search).toBe("?tab=walk-forward&walk_forward=wf-2"));
    useAnalyticsStore.getState().setTab("optimize");
    await vi.waitFor(() => expect(window.location.search).toBe("?tab=optimize"));
  });

  it("has no walk-forward tab without the robustness lab composed in", async () => {
    renderWithProviders(<AnalyticsView initial={{ tab: "walk-forward" }} />);
    expect(screen.getByTestId("tab-compare")).toBeInTheDocument();
    expect(screen.queryByTestId("tab-walk-forward")).not.toBeInTheDocument();
    expect(useAnalyticsStore.getState().tab).toBe("compare");
  });
});
