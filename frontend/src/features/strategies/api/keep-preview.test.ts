import { afterEach, describe, expect, it, vi } from "vitest";
import { json, stubApi } from "@/test/render";
import { keepPreview } from "./keep-preview";
import type { PreviewRequest } from "./preview-backtest";

const PREVIEW: PreviewRequest = {
  code: "param fast = 10 in 2..50",
  symbol: "AAPL",
  interval: "1d",
  start_date: "2013-01-02",
  end_date: "2013-12-31",
  initial_capital: 10_000,
  parameters: { fast: 12 },
  points: 2000,
};

function runsApi() {
  const order: string[] = [];
  const bodies: unknown[] = [];
  stubApi(async (request, url) => {
    if (url.pathname === "/api/v1/backtests" && request.method === "POST") {
      order.push("run");
      bodies.push(await request.json());
      return json(202, { id: "run-1", status: "pending", progress: 0 });
    }
    return undefined;
  });
  return { order, bodies };
}

afterEach(() => vi.unstubAllGlobals());

describe("keeping a preview", () => {
  it("saves the edited strategy first, then stores the same request as a run of the saved strategy (no code, no points)", async () => {
    const api = runsApi();
    const save = vi.fn(async () => {
      api.order.push("save");
      return "strategy-1";
    });
    const kept = await keepPreview({ preview: PREVIEW, strategyId: "strategy-1", unsaved: true, save });
    expect(api.order).toEqual(["save", "run"]);
    expect(kept).toEqual({ strategyId: "strategy-1", runId: "run-1" });
    expect(api.bodies[0]).toEqual({
      strategy_id: "strategy-1",
      symbol: "AAPL",
      interval: "1d",
      start_date: "2013-01-02",
      end_date: "2013-12-31",
      initial_capital: 10_000,
      parameters: { fast: 12 },
    });
  });

  it("saves a new strategy to get its id, and skips the save when nothing changed", async () => {
    const api = runsApi();
    const save = vi.fn(async () => "created-1");
    await keepPreview({ preview: PREVIEW, strategyId: null, unsaved: false, save });
    expect(save).toHaveBeenCalledTimes(1);
    expect((api.bodies[0] as { strategy_id: string }).strategy_id).toBe("created-1");

    save.mockClear();
    await keepPreview({ preview: PREVIEW, strategyId: "strategy-1", unsaved: false, save });
    expect(save).not.toHaveBeenCalled();
    expect((api.bodies[1] as { strategy_id: string }).strategy_id).toBe("strategy-1");
  });

  it("stores no run when the save fails", async () => {
    const api = runsApi();
    const save = vi.fn(async () => {
      throw new Error("name is required");
    });
    await expect(keepPreview({ preview: PREVIEW, strategyId: "strategy-1", unsaved: true, save })).rejects.toThrow("name is required");
    expect(api.order).toEqual([]);
  });
});
