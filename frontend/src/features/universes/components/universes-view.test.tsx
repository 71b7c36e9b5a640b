import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { json, renderWithProviders, stubApi } from "@/test/render";
import { UniversesView } from "./universes-view";

const MINE = "11111111-1111-4111-8111-111111111111";
const SHARED = "00000000-0000-4000-8000-000000000001";

const summary = (over: Record<string, unknown>) => ({
  description: undefined,
  shared: false,
  mine: true,
  editable: true,
  missing_count: 0,
  created_at: "2026-12-01T00:00:00Z",
  updated_at: "2026-12-01T00:00:00Z",
  ...over,
});

const LIST = [
  summary({ id: MINE, name: "My ETFs", symbol_count: 3, symbols_preview: ["SPY", "QQQ", "NOPE"], missing_count: 1 }),
  summary({
    id: SHARED,
    name: "Synthetic sample (8 symbols)",
    description: "SYNTHETIC data, generated, not real prices",
    shared: true,
    mine: false,
    editable: false,
    symbol_count: 8,
    symbols_preview: ["SYN-TECH", "SYN-CHIP"],
  }),
];

function universesApi(onPost?: (body: Record<string, unknown>) => Response) {
  return stubApi(async (request, url) => {
    if (url.pathname === "/api/v1/universes" && request.method === "GET") {
      const items = url.searchParams.get("scope") === "shared" ? LIST.filter((u) => u.shared) : LIST;
      return json(200, { items, page: 0, size: 24, total_items: items.length, total_pages: 1 });
    }
    if (url.pathname === "/api/v1/universes" && request.method === "POST") {
      return onPost?.((await request.json()) as Record<string, unknown>);
    }
    if (url.pathname === `/api/v1/universes/${MINE}`) {
      return json(200, { ...LIST[0], symbols: ["SPY", "QQQ", "NOPE"], missing_symbols: ["NOPE"] });
    }
    return undefined;
  });
}

afterEach(() => vi.unstubAllGlobals());

describe("UniversesView", () => {
  it("lists universes with their first symbols, what lacks data, and only the actions the caller may take", async () => {
    universesApi();
    renderWithProviders(<UniversesView />);

    const cards = await screen.findAllByTestId("universe-card");
    expect(cards).toHaveLength(2);
    const mine = within(cards[0]!);
    expect(mine.getByText("My ETFs")).toBeInTheDocument();
    expect(mine.getByText("3 symbols")).toBeInTheDocument();
    expect(mine.getByTestId("universe-missing-count")).toHaveTextContent("1 without data");
    expect(mine.getByRole("button", { name: "Edit: My ETFs" })).toBeInTheDocument();
    expect(mine.getByRole("button", { name: "Delete: My ETFs" })).toBeInTheDocument();

    const shared = within(cards[1]!);
    expect(shared.getByText("Shared")).toBeInTheDocument();
    expect(shared.getByText("+6 more")).toBeInTheDocument();
    expect(shared.getByRole("button", { name: /^View/ })).toBeInTheDocument();
    expect(shared.queryByRole("button", { name: /^Delete/ })).not.toBeInTheDocument();
  });

  it("shows a saved universe's symbols with those that have no data marked", async () => {
    universesApi();
    const { user } = renderWithProviders(<UniversesView />);

    await user.click(await screen.findByRole("button", { name: "Edit: My ETFs" }));

    const editor = await screen.findByTestId("universe-editor");
    expect(await within(editor).findByTestId("universe-missing")).toHaveTextContent("no data you can use yet");
    expect(within(editor).getByText("NOPE")).toHaveTextContent("no data yet");
    expect(within(editor).getByTestId("universe-symbols")).toHaveValue("SPY, QQQ, NOPE");
  });

  it("creates a universe from a pasted list, dropping repeats before sending", async () => {
    const posted: Record<string, unknown>[] = [];
    universesApi((body) => {
      posted.push(body);
      return json(201, { id: "new", name: body.name, symbols: body.symbols, missing_symbols: [], editable: true });
    });
    const { user } = renderWithProviders(<UniversesView />);

    await user.click(await screen.findByTestId("new-universe"));
    const editor = await screen.findByTestId("universe-editor");
    await user.type(within(editor).getByRole("textbox", { name: "Name" }), "Asset classes");
    await user.click(within(editor).getByTestId("universe-symbols"));
    await user.paste("SPY\nQQQ, TLT\tGLD SPY");

    expect(within(editor).getByTestId("universe-symbol-count")).toHaveTextContent("4 symbols · 1 repeat dropped");
    await user.click(within(editor).getByTestId("save-universe"));

    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toEqual({ name: "Asset classes", symbols: ["SPY", "QQQ", "TLT", "GLD"] });
    await waitFor(() => expect(screen.queryByTestId("universe-editor")).not.toBeInTheDocument());
  });

  it("refuses entries that are not symbols before asking the server, and shows the server's field errors", async () => {
    const posted: Record<string, unknown>[] = [];
    universesApi((body) => {
      posted.push(body);
      return json(422, {
        type: "/problems/validation-failed",
        title: "Unprocessable request",
        status: 422,
        errors: [{ field: "name", message: "must be at most 100 characters" }],
      });
    });
    const { user } = renderWithProviders(<UniversesView />);

    await user.click(await screen.findByTestId("new-universe"));
    const editor = await screen.findByTestId("universe-editor");
    await user.type(within(editor).getByRole("textbox", { name: "Name" }), "Bad");
    await user.click(within(editor).getByTestId("universe-symbols"));
    await user.paste("SPY $$$");
    await user.click(within(editor).getByTestId("save-universe"));

    expect(await within(editor).findByText(/Some entries are not symbols/)).toBeInTheDocument();
    expect(posted).toHaveLength(0);

    await user.clear(within(editor).getByTestId("universe-symbols"));
    await user.paste("SPY");
    await user.click(within(editor).getByTestId("save-universe"));
    expect(await within(editor).findByText("must be at most 100 characters")).toBeInTheDocument();
    expect(posted).toHaveLength(1);
  });

  it("says what to do when there are no universes", async () => {
    stubApi((_, url) =>
      url.pathname === "/api/v1/universes" ? json(200, { items: [], page: 0, size: 24, total_items: 0, total_pages: 0 }) : undefined,
    );
    renderWithProviders(<UniversesView />);
    expect(await screen.findByText("No universes yet")).toBeInTheDocument();
  });

  it("shows a failed list as an error with a retry", async () => {
    stubApi((_, url) =>
      url.pathname === "/api/v1/universes" ? json(500, { type: "/problems/internal", title: "Internal", status: 500 }) : undefined,
    );
    renderWithProviders(<UniversesView />);
    expect(await screen.findByRole("alert")).toHaveTextContent("Something went wrong");
  });
});
