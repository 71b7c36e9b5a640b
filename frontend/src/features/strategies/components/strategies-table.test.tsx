import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { json, renderWithProviders, stubApi } from "@/test/render";
import { useStrategyListStore } from "../stores/strategy-list-store";
import { StrategiesTable } from "./strategies-table";

const strategy = (i: number) => ({
  id: `00000000-0000-0000-0000-00000000000${i}`,
  name: `Strategy ${i}`,
  description: i === 1 ? "Long while fast > slow" : undefined,
  is_public: i === 2,
  mine: true,
  parameters: [{ name: "fast", default: 10 }],
  created_at: "2024-03-15T00:30:00Z",
  updated_at: "2024-03-15T00:30:00Z",
});

function listApi(total = 45) {
  return stubApi((request, url) => {
    if (url.pathname !== "/api/v1/strategies") return undefined;
    const page = Number(url.searchParams.get("page"));
    const size = Number(url.searchParams.get("size"));
    const query = url.searchParams.get("query");
    const count = query === "nothing" ? 0 : total;
    return json(200, {
      items: Array.from({ length: Math.min(size, Math.max(0, count - page * size)) }, (_, i) => strategy(i + 1)),
      page,
      size,
      total_items: count,
      total_pages: Math.ceil(count / size),
    });
  });
}

const lastQuery = (requests: Request[]) => new URL(requests[requests.length - 1]!.url).searchParams;

beforeEach(() => {
  useStrategyListStore.setState({ scope: "mine", search: "", sort: { field: "updated_at", direction: "desc" }, page: 0, size: 20 });
});
afterEach(() => vi.unstubAllGlobals());

describe("the strategies table", () => {
  it("shows a page of strategies with the totals", async () => {
    const { requests } = listApi();
    renderWithProviders(<StrategiesTable />);

    expect(await screen.findByRole("link", { name: "Strategy 1" })).toHaveAttribute(
      "href",
      "/strategies/00000000-0000-0000-0000-000000000001",
    );
    expect(screen.getByText("Long while fast > slow")).toBeInTheDocument();
    expect(screen.getByText("1–20 of 45")).toBeInTheDocument();
    expect(screen.getByText("Page 1 of 3")).toBeInTheDocument();
    expect(Object.fromEntries(lastQuery(requests))).toMatchObject({ scope: "mine", page: "0", size: "20", sort: "updated_at,desc" });
  });

  it("sorts on the server when a header is clicked, and says so to assistive tech", async () => {
    const { requests } = listApi();
    const { user } = renderWithProviders(<StrategiesTable />);
    await screen.findByRole("link", { name: "Strategy 1" });

    await user.click(screen.getByRole("button", { name: "Name" }));
    await waitFor(() => expect(lastQuery(requests).get("sort")).toBe("name,asc"));
    expect(screen.getByRole("columnheader", { name: "Name" })).toHaveAttribute("aria-sort", "ascending");

    await user.click(screen.getByRole("button", { name: "Name" }));
    await waitFor(() => expect(lastQuery(requests).get("sort")).toBe("name,desc"));
  });

  it("pages forward and back", async () => {
    const { requests } = listApi();
    const { user } = renderWithProviders(<StrategiesTable />);
    await screen.findByRole("link", { name: "Strategy 1" });

    await user.click(screen.getByRole("button", { name: "Next" }));
    await waitFor(() => expect(lastQuery(requests).get("page")).toBe("1"));
    expect(await screen.findByText("21–40 of 45")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Previous" })).toBeEnabled();
  });

  it("searches by name after typing stops", async () => {
    const { requests } = listApi();
    const { user } = renderWithProviders(<StrategiesTable />);
    await screen.findByRole("link", { name: "Strategy 1" });

    await user.type(screen.getByRole("searchbox", { name: "Search strategies" }), "nothing");

    expect(await screen.findByText("No strategy matches")).toBeInTheDocument();
    expect(lastQuery(requests).get("query")).toBe("nothing");
    expect(requests.filter((r) => new URL(r.url).searchParams.get("query")?.startsWith("no")).length).toBe(1);
  });

  it("invites to write the first strategy when there is none", async () => {
    listApi(0);
    renderWithProviders(<StrategiesTable />);
    const empty = await screen.findByText("No strategies yet");
    expect(within(empty.parentElement!.parentElement!).getByRole("link", { name: /New strategy/ })).toHaveAttribute(
      "href",
      "/strategies/new",
    );
  });

  it("shows the error with a retry when the list cannot be loaded", async () => {
    stubApi(() => json(500, { type: "/problems/internal-error", title: "Internal error", status: 500, request_id: "req-9" }));
    const { user } = renderWithProviders(<StrategiesTable />);
    expect(await screen.findByText("The server had a problem. Please try again in a moment.")).toBeInTheDocument();
    expect(screen.getByText("req-9")).toBeInTheDocument();
    listApi();
    await user.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("link", { name: "Strategy 1" })).toBeInTheDocument();
  });
});
