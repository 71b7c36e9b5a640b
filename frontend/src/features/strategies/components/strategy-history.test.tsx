import { act, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { SchemaStrategyVersionResponse } from "@/lib/api/schema";
import { setLanguage } from "@/lib/i18n";
import { backtestSummary } from "@/test/fixtures";
import { json, renderWithProviders, stubApi } from "@/test/render";
import { StrategyHistory } from "./strategy-history";

// Monaco needs a real browser (the e2e draws the diff); here the diff says what it compares.
vi.mock("./diff-view", () => ({
  default: ({ original, modified, ariaLabel }: { original: string; modified: string; ariaLabel: string }) => (
    <div data-testid="diff" aria-label={ariaLabel}>
      <pre data-testid="diff-original">{original}</pre>
      <pre data-testid="diff-modified">{modified}</pre>
    </div>
  ),
}));

const CODE = ["long_entry = close > sma(close, 10)\n", "long_entry = close > sma(close, 20)\n", "long_entry = close > sma(close, 30)\n"];

function version(number: number, overrides: Partial<SchemaStrategyVersionResponse> = {}): SchemaStrategyVersionResponse {
  return {
    number,
    name: "Trend",
    code: null,
    parameters: [],
    note: null,
    restored_from: null,
    current: number === 3,
    created_at: `2026-12-0${number}T09:00:00Z`,
    ...overrides,
  };
}

function historyApi() {
  const restores: string[] = [];
  const api = stubApi(async (request, url) => {
    const path = url.pathname;
    if (path === "/api/v1/strategies/s1/versions") {
      return json(200, {
        items: [version(3, { note: "slower" }), version(2, { restored_from: 1 }), version(1)],
        page: 0,
        size: 20,
        total_items: 3,
        total_pages: 1,
      });
    }
    const one = path.match(/^\/api\/v1\/strategies\/s1\/versions\/(\d)$/);
    if (one) {
      const number = Number(one[1]);
      return json(200, { ...version(number), code: CODE[number - 1] });
    }
    if (path === "/api/v1/strategies/s1/versions/1/restore" && request.method === "POST") {
      restores.push(path);
      return json(200, { id: "s1", name: "Trend", code: CODE[0], version: 4, is_public: false, mine: true, parameters: [] });
    }
    if (path === "/api/v1/backtests") {
      expect(url.searchParams.get("strategy_id")).toBe("s1");
      return json(200, {
        items: [
          backtestSummary({ strategy_version: 3 }),
          backtestSummary({ strategy_version: 3 }),
          backtestSummary({ strategy_version: 1 }),
        ],
        page: 0,
        size: 100,
        total_items: 3,
        total_pages: 1,
      });
    }
    if (path === "/api/v1/strategies/language") return json(200, { functions: [], variables: [], outputs: [], keywords: [] });
    return undefined;
  });
  return { ...api, restores };
}

describe("StrategyHistory", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("lists the versions newest first with their notes and the runs that used them", async () => {
    historyApi();
    renderWithProviders(<StrategyHistory strategyId="s1" currentVersion={3} currentCode={CODE[2]!} dirty={false} onRestored={vi.fn()} />);

    const v3 = await screen.findByTestId("version-3");
    expect(v3).toHaveTextContent("v3");
    expect(v3).toHaveTextContent("Current");
    expect(v3).toHaveTextContent("2 runs");
    expect(v3).toHaveTextContent("slower");
    expect(screen.getByTestId("version-2")).toHaveTextContent("Restored from v1");
    expect(screen.getByTestId("version-2")).toHaveTextContent("No runs");
    expect(screen.getByTestId("version-1")).toHaveTextContent("1 run");
    const list = screen.getByTestId("version-list");
    expect(
      within(list)
        .getAllByRole("button")
        .map((b) => b.dataset.testid),
    ).toEqual(["version-3", "version-2", "version-1"]);
  });

  it("opens the current version against the one before it", async () => {
    historyApi();
    renderWithProviders(<StrategyHistory strategyId="s1" currentVersion={3} currentCode={CODE[2]!} dirty={false} onRestored={vi.fn()} />);

    await waitFor(() => expect(screen.getByTestId("diff-original")).toHaveTextContent("sma(close, 20)"));
    expect(screen.getByTestId("diff-modified")).toHaveTextContent("sma(close, 30)");
    expect(screen.getByTestId("diff-labels")).toHaveTextContent("v2→v3");
    expect(screen.queryByTestId("restore-version")).not.toBeInTheDocument();
  });

  it("compares an older version with the code in the editor, unsaved edits included", async () => {
    historyApi();
    const { user } = renderWithProviders(
      <StrategyHistory
        strategyId="s1"
        currentVersion={3}
        currentCode={"long_entry = close > ema(close, 5)\n"}
        dirty
        onRestored={vi.fn()}
      />,
    );

    await user.click(await screen.findByTestId("version-1"));

    await waitFor(() => expect(screen.getByTestId("diff-original")).toHaveTextContent("sma(close, 10)"));
    expect(screen.getByTestId("diff-modified")).toHaveTextContent("ema(close, 5)");
    expect(screen.getByTestId("diff-labels")).toHaveTextContent("v1→Current code");
    expect(screen.getByTestId("compare-previous")).toBeDisabled();
  });

  it("restores a version as a new one after a confirmation", async () => {
    const api = historyApi();
    const onRestored = vi.fn();
    const { user } = renderWithProviders(
      <StrategyHistory strategyId="s1" currentVersion={3} currentCode={CODE[2]!} dirty onRestored={onRestored} />,
    );

    await user.click(await screen.findByTestId("version-1"));
    await user.click(screen.getByTestId("restore-version"));
    const dialog = await screen.findByRole("dialog", { name: "Restore v1?" });
    expect(dialog).toHaveTextContent("as a new version (v4)");
    expect(dialog).toHaveTextContent("Your unsaved edits in the editor will be replaced.");
    expect(api.restores).toHaveLength(0);
    await user.click(within(dialog).getByRole("button", { name: "Restore this version" }));

    await waitFor(() => expect(onRestored).toHaveBeenCalledWith(expect.objectContaining({ version: 4, code: CODE[0] })));
    expect(api.restores).toEqual(["/api/v1/strategies/s1/versions/1/restore"]);
  });

  it("speaks Korean", async () => {
    historyApi();
    act(() => setLanguage("ko"));
    try {
      renderWithProviders(<StrategyHistory strategyId="s1" currentVersion={3} currentCode={CODE[2]!} dirty={false} onRestored={vi.fn()} />);
      expect(await screen.findByText("버전")).toBeInTheDocument();
      expect(await screen.findByTestId("version-3")).toHaveTextContent("실행 2개");
      expect(screen.getByTestId("version-2")).toHaveTextContent("v1에서 복원");
    } finally {
      act(() => setLanguage("en"));
    }
  });
});
