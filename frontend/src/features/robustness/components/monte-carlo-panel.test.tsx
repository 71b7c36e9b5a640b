import { act, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { setLanguage } from "@/lib/i18n";
import { json, renderWithProviders, stubApi } from "@/test/render";
import { monteCarlo } from "../test/fixtures";
import { MonteCarloPanel } from "./monte-carlo-panel";

const RUN = { id: "run-1", initialCapital: 10_000, currency: "USD" };
const LIST = "/api/v1/backtests/run-1/monte-carlo";

afterEach(() => {
  vi.unstubAllGlobals();
  act(() => setLanguage("en"));
});

describe("Monte Carlo on a run", () => {
  it("posts the form, shows the analysis computing, then its table, readings and charts", async () => {
    let polls = 0;
    let list: unknown[] = [];
    const { requests } = stubApi((request, url) => {
      if (url.pathname === LIST && request.method === "POST") {
        list = [monteCarlo({ status: "queued" })];
        return json(202, monteCarlo({ status: "queued", final_equity: null, bands: null }));
      }
      if (url.pathname === LIST) return json(200, list);
      if (url.pathname === `${LIST}/mc-1`) {
        polls++;
        // Queued, then running, then completed: the view asks again until the analysis is final.
        if (polls === 1) return json(200, monteCarlo({ status: "queued", final_equity: null, original: null }));
        if (polls === 2) return json(200, monteCarlo({ status: "running", final_equity: null, original: null }));
        return json(200, monteCarlo());
      }
      return undefined;
    });
    const { user } = renderWithProviders(<MonteCarloPanel run={RUN} />);
    expect(await screen.findByText("No analyses yet.")).toBeInTheDocument();
    expect(screen.getByTestId("mc-ruin")).toHaveValue(5000);

    await user.clear(screen.getByTestId("mc-paths"));
    await user.type(screen.getByTestId("mc-paths"), "5000");
    await user.type(screen.getByTestId("mc-seed"), "42");
    await user.click(screen.getByTestId("mc-start"));

    await vi.waitFor(() => expect(requests.some((r) => r.method === "POST")).toBe(true));
    const post = requests.find((r) => r.method === "POST")!;
    expect(await post.json()).toEqual({ method: "shuffle", paths: 5000, seed: 42, block_length: null, ruin_equity: 5000 });

    expect(await screen.findByTestId("mc-computing")).toHaveTextContent("Drawing the paths");
    const table = await screen.findByTestId("mc-percentiles", {}, { timeout: 5000 });
    expect(polls).toBeGreaterThanOrEqual(3);
    const drawdown = table.querySelector('tr[data-row="max_drawdown"]') as HTMLElement;
    expect(drawdown).toHaveTextContent(/Max drawdown\s*-23\.00%\s*-17\.00%\s*-14\.00%\s*-11\.00%\s*-8\.00%\s*-14\.50%\s*-9\.00%/);
    const longest = table.querySelector('tr[data-row="longest_drawdown"]') as HTMLElement;
    expect(longest).toHaveTextContent("35 trades");
    // The run's own is measured on its bars, though the paths step by trades.
    expect(longest.lastElementChild).toHaveTextContent("12 bars");
    expect(table.querySelector('tr[data-row="final_equity"]')).toHaveTextContent("$12,500.00");
    expect(screen.getByTestId("mc-reading-drawdown")).toHaveTextContent(
      "95% of the reshuffled paths kept the max drawdown above -23.0%; your run's -9.0% was on the lucky side (expect worse).",
    );
    expect(screen.getByTestId("mc-reading-drawdown")).toHaveAttribute("data-verdict", "caution");
    expect(screen.getByTestId("mc-ruin-probability")).toHaveTextContent("0.4%");
    expect(screen.getByTestId("mc-fan-chart")).toHaveAttribute("data-points", "3");
    expect(screen.getByTestId("mc-histogram-drawdown")).toHaveAttribute("data-own-bin", "2");
    expect(screen.getByTestId("mc-seed-used")).toHaveTextContent("42");
  });

  it("asks for a block length only for the block bootstrap, and shows the server's field errors", async () => {
    const { requests } = stubApi((request, url) => {
      if (url.pathname === LIST && request.method === "POST") {
        return json(422, {
          type: "/problems/validation",
          title: "Invalid request",
          status: 422,
          errors: [{ field: "block_length", message: "must be at most 500" }],
        });
      }
      if (url.pathname === LIST) return json(200, []);
      return undefined;
    });
    const { user } = renderWithProviders(<MonteCarloPanel run={RUN} />);
    await screen.findByText("No analyses yet.");
    expect(screen.queryByTestId("mc-block-length")).not.toBeInTheDocument();
    await user.click(screen.getByTestId("mc-method"));
    await user.click(screen.getByRole("option", { name: "Block bootstrap of returns" }));
    await user.type(await screen.findByTestId("mc-block-length"), "900");
    await user.clear(screen.getByTestId("mc-paths"));
    await user.type(screen.getByTestId("mc-paths"), "0");
    await user.click(screen.getByTestId("mc-start"));
    expect(await screen.findByText("A whole number from 1 to 100,000")).toBeInTheDocument();
    expect(requests.some((r) => r.method === "POST")).toBe(false);

    await user.clear(screen.getByTestId("mc-paths"));
    await user.type(screen.getByTestId("mc-paths"), "100");
    await user.click(screen.getByTestId("mc-start"));
    expect(await screen.findByText("must be at most 500")).toBeInTheDocument();
    const body = await requests.find((r) => r.method === "POST")!.json();
    expect(body).toMatchObject({ method: "block_bootstrap", paths: 100, block_length: 900 });
  });

  it("shows a failed analysis's error, reopens earlier ones and deletes one", async () => {
    const failed = monteCarlo({ id: "mc-2", status: "failed", error: "The run has no trades to resample", final_equity: null });
    const { requests } = stubApi((request, url) => {
      if (url.pathname === LIST) return json(200, [failed, monteCarlo()]);
      if (url.pathname === `${LIST}/mc-2` && request.method === "DELETE") return new Response(null, { status: 204 });
      if (url.pathname === `${LIST}/mc-2`) return json(200, failed);
      if (url.pathname === `${LIST}/mc-1`) return json(200, monteCarlo());
      return undefined;
    });
    const { user } = renderWithProviders(<MonteCarloPanel run={RUN} />);
    expect(await screen.findByTestId("mc-failed")).toHaveTextContent("The run has no trades to resample");
    const list = screen.getByTestId("mc-list");
    expect(within(list).getAllByRole("listitem")).toHaveLength(2);

    await user.click(within(list).getAllByRole("button", { name: /Shuffle trade order/ })[1]!);
    expect(await screen.findByTestId("mc-percentiles")).toBeInTheDocument();

    await user.click(within(list).getAllByRole("button", { name: "Delete analysis" })[0]!);
    await user.click(within(await screen.findByRole("dialog")).getByRole("button", { name: "Delete analysis" }));
    await vi.waitFor(() => expect(requests.some((r) => r.method === "DELETE" && r.url.endsWith("/monte-carlo/mc-2"))).toBe(true));
  });

  it("speaks Korean", async () => {
    act(() => setLanguage("ko"));
    stubApi((_, url) => {
      if (url.pathname === LIST) return json(200, [monteCarlo()]);
      if (url.pathname === `${LIST}/mc-1`) return json(200, monteCarlo());
      return undefined;
    });
    renderWithProviders(<MonteCarloPanel run={{ ...RUN, currency: "KRW", initialCapital: 10_000_000 }} />);
    expect(await screen.findByText("몬테카를로")).toBeInTheDocument();
    expect(await screen.findByTestId("mc-reading-drawdown")).toHaveTextContent(
      "순서를 섞은 경로의 95%는 최대 낙폭이 -23.0%보다 얕았습니다.",
    );
    expect(screen.getByTestId("mc-percentiles")).toHaveTextContent("중앙값");
    expect(screen.getByTestId("mc-percentiles").querySelector('tr[data-row="final_equity"]')).toHaveTextContent("₩12,500");
  });
});
