import { act, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { setLanguage } from "@/lib/i18n";
import { json, renderWithProviders, stubApi } from "@/test/render";
import { walkForward } from "../test/fixtures";
import { WalkForwardsList, WalkForwardView } from "./walk-forward-view";

const PATH = "/api/v1/backtests/walk-forward/wf-1";

afterEach(() => {
  vi.unstubAllGlobals();
  act(() => setLanguage("en"));
});

describe("a walk-forward", () => {
  it("shows the stitched out-of-sample summary, efficiency, equity, windows and drift once completed", async () => {
    stubApi((_, url) => (url.pathname === PATH ? json(200, walkForward()) : undefined));
    renderWithProviders(<WalkForwardView id="wf-1" onGone={() => {}} />);
    const view = await screen.findByTestId("walk-forward-view");
    expect(view).toHaveAttribute("data-status", "completed");
    expect(screen.getByTestId("wf-summary-total_return")).toHaveTextContent("+7.12%");
    expect(screen.getByTestId("wf-summary-max_drawdown")).toHaveTextContent("-9.40%");
    expect(screen.getByTestId("wf-efficiency")).toHaveTextContent("0.62");
    expect(screen.getByTestId("wf-efficiency-reading")).toHaveAttribute("data-verdict", "good");
    expect(screen.getByTestId("wf-progress")).toHaveTextContent("3 of 3 windows · 4 combinations each");
    expect(screen.getByTestId("wf-equity")).toHaveAttribute("data-points", "3");

    const rows = within(screen.getByTestId("wf-windows")).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent("2010-01-04 → 2012-12-31");
    expect(rows[0]).toHaveTextContent("2013-01-02 → 2013-12-31");
    expect(rows[0]).toHaveTextContent("fast=10, slow=20");
    expect(rows[1]).toHaveTextContent("-2.00%");
    expect(rows[2]).toHaveTextContent("$11,500.00 → $12,000.00");

    const drift = within(screen.getByTestId("wf-drift")).getAllByRole("row").slice(1);
    expect(drift[0]).toHaveTextContent(/fast\s*6\.667\s*2\.887\s*1/);
    expect(screen.getByTestId("wf-drift-chart")).toBeInTheDocument();
  });

  it("follows a queued then running walk-forward until it completes", async () => {
    let calls = 0;
    stubApi((_, url) => {
      if (url.pathname !== PATH) return undefined;
      calls++;
      if (calls === 1) {
        return json(
          200,
          walkForward({
            status: "queued",
            progress: 0,
            windows: walkForward().windows.map((w) => ({ ...w, status: "queued", parameters: null })),
            out_of_sample: null,
            efficiency: null,
            parameter_drift: [],
            completed_at: null,
          }),
        );
      }
      if (calls === 2)
        return json(200, walkForward({ status: "running", progress: 40, out_of_sample: null, efficiency: null, completed_at: null }));
      return json(200, walkForward());
    });
    renderWithProviders(<WalkForwardView id="wf-1" onGone={() => {}} />);
    expect(await screen.findByTestId("walk-forward-view")).toHaveAttribute("data-status", "queued");
    expect(screen.queryByTestId("wf-summary")).not.toBeInTheDocument();
    expect(screen.getByTestId("wf-progress")).toHaveTextContent("0 of 3 windows");
    await vi.waitFor(() => expect(screen.getByTestId("walk-forward-view")).toHaveAttribute("data-status", "running"), { timeout: 5000 });
    await vi.waitFor(() => expect(screen.getByTestId("walk-forward-view")).toHaveAttribute("data-status", "completed"), { timeout: 5000 });
    expect(screen.getByTestId("wf-summary")).toBeInTheDocument();
  });

  it("shows why a walk-forward failed, and reads a negative efficiency as not carried out of sample", async () => {
    stubApi((_, url) =>
      url.pathname === PATH ? json(200, walkForward({ status: "failed", error: "Too few bars for 3 windows" })) : undefined,
    );
    const { unmount } = renderWithProviders(<WalkForwardView id="wf-1" onGone={() => {}} />);
    expect(await screen.findByTestId("wf-error")).toHaveTextContent("Too few bars for 3 windows");
    unmount();
    vi.unstubAllGlobals();
    stubApi((_, url) => (url.pathname === PATH ? json(200, walkForward({ efficiency: -0.3 })) : undefined));
    renderWithProviders(<WalkForwardView id="wf-1" onGone={() => {}} />);
    expect(await screen.findByTestId("wf-efficiency-reading")).toHaveTextContent("did not carry out of sample");
  });

  it("cancels a running one and keeps it open to show it cancelled", async () => {
    const onGone = vi.fn();
    let cancelled = false;
    const { requests } = stubApi((request, url) => {
      if (url.pathname === PATH && request.method === "DELETE") {
        cancelled = true;
        return new Response(null, { status: 204 });
      }
      if (url.pathname === PATH) return json(200, walkForward(cancelled ? { status: "cancelled" } : { status: "running", progress: 50 }));
      return undefined;
    });
    const { user } = renderWithProviders(<WalkForwardView id="wf-1" onGone={onGone} />);
    await user.click(await screen.findByRole("button", { name: "Stop walk-forward" }));
    expect(await screen.findByText("Stop this walk-forward?")).toBeInTheDocument();
    expect(within(screen.getByRole("dialog")).getByRole("button", { name: "Keep running" })).toBeInTheDocument();
    await user.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Stop walk-forward" }));
    await vi.waitFor(() => expect(screen.getByTestId("walk-forward-view")).toHaveAttribute("data-status", "cancelled"));
    expect(requests.filter((r) => r.method === "DELETE")).toHaveLength(1);
    expect(onGone).not.toHaveBeenCalled();
  });

  it("deletes a finished one", async () => {
    const onGone = vi.fn();
    const { requests } = stubApi((request, url) => {
      if (url.pathname === PATH && request.method === "DELETE") return new Response(null, { status: 204 });
      if (url.pathname === PATH) return json(200, walkForward());
      return undefined;
    });
    const { user } = renderWithProviders(<WalkForwardView id="wf-1" onGone={onGone} />);
    await user.click(await screen.findByRole("button", { name: "Delete walk-forward" }));
    await user.click(within(await screen.findByRole("dialog")).getByRole("button", { name: "Delete walk-forward" }));
    await vi.waitFor(() => expect(onGone).toHaveBeenCalled());
    expect(requests.some((r) => r.method === "DELETE")).toBe(true);
  });

  it("lists the user's walk-forwards with their windows and efficiency, in Korean too", async () => {
    const onOpen = vi.fn();
    stubApi((_, url) =>
      url.pathname === "/api/v1/backtests/walk-forward"
        ? json(200, {
            items: [walkForward(), walkForward({ id: "wf-2", status: "running", efficiency: null, progress: 30 })],
            page: 0,
            size: 50,
            total_items: 2,
            total_pages: 1,
          })
        : undefined,
    );
    const { user } = renderWithProviders(<WalkForwardsList current="wf-1" onOpen={onOpen} />);
    const list = await screen.findByTestId("walk-forwards-list");
    // The rows' own buttons (the bins beside them are named by their aria-label).
    const items = within(list)
      .getAllByRole("button")
      .filter((b) => !b.hasAttribute("aria-label"));
    expect(within(list).getByRole("button", { name: "Stop walk-forward" })).toBeInTheDocument();
    expect(items[0]).toHaveTextContent("3 windows · efficiency 0.62");
    expect(items[0]).toHaveAttribute("aria-current", "true");
    expect(items[1]).toHaveTextContent("30%");
    await user.click(items[1]!);
    expect(onOpen).toHaveBeenCalledWith("wf-2");
    act(() => setLanguage("ko"));
    expect(await screen.findByText("내 워크포워드")).toBeInTheDocument();
    expect(items[0]).toHaveTextContent("구간 3개 · 효율 0.62");
  });

  it("deletes a finished walk-forward from the list, closing it when it was open", async () => {
    const onOpen = vi.fn();
    const { requests } = stubApi((request, url) => {
      if (url.pathname === PATH && request.method === "DELETE") return new Response(null, { status: 204 });
      if (url.pathname === "/api/v1/backtests/walk-forward")
        return json(200, { items: [walkForward()], page: 0, size: 50, total_items: 1, total_pages: 1 });
      return undefined;
    });
    const { user } = renderWithProviders(<WalkForwardsList current="wf-1" onOpen={onOpen} />);
    await user.click(await screen.findByRole("button", { name: "Delete walk-forward" }));
    await user.click(within(await screen.findByRole("dialog")).getByRole("button", { name: "Delete walk-forward" }));
    await vi.waitFor(() => expect(onOpen).toHaveBeenCalledWith(null));
    expect(requests.some((r) => r.method === "DELETE" && r.url.endsWith("/walk-forward/wf-1"))).toBe(true);
  });
});
