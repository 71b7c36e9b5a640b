import { beforeEach, describe, expect, it, vi } from "vitest";
import { findQuickRunStrategy, quickRunStorageKey } from "./quick-run";

const get = vi.fn();
vi.mock("@/lib/api/client", async (original) => ({
  ...(await original<typeof import("@/lib/api/client")>()),
  api: { GET: (...args: unknown[]) => get(...args) },
}));

const ok = (data: unknown) => ({ data, response: new Response(null, { status: 200 }) });
const template = {
  id: "sma_crossover",
  name: "SMA crossover",
  name_ko: "단순 이동평균 교차",
  description: "",
  description_ko: "",
  code: "strategy template code",
  parameters: [],
};
const key = quickRunStorageKey("user-1", "sma_crossover");

beforeEach(() => {
  get.mockReset();
  localStorage.clear();
});

describe("the strategy a quick run uses", () => {
  it("is the one it made before, by id, under the strategy's own name", async () => {
    localStorage.setItem(key, "s-1");
    get.mockResolvedValue(ok({ id: "s-1", name: "My edited SMA", code: "edited code", mine: true }));
    expect(await findQuickRunStrategy(template, key)).toEqual({ id: "s-1", name: "My edited SMA" });
    expect(get).toHaveBeenCalledTimes(1);
  });

  it("never takes an edited copy that only has the template's name", async () => {
    get.mockImplementation((path: string) =>
      path === "/api/v1/strategies"
        ? ok({ items: [{ id: "s-2", name: "SMA crossover" }] })
        : ok({ id: "s-2", name: "SMA crossover", code: "edited code", mine: true }),
    );
    expect(await findQuickRunStrategy(template, key)).toBeNull();
  });

  it("adopts an unedited copy of the template and remembers its id", async () => {
    get.mockImplementation((path: string) =>
      path === "/api/v1/strategies"
        ? ok({ items: [{ id: "s-3", name: "단순 이동평균 교차" }] })
        : ok({ id: "s-3", name: "단순 이동평균 교차", code: "strategy template code\n", mine: true }),
    );
    expect(await findQuickRunStrategy(template, key)).toEqual({ id: "s-3", name: "단순 이동평균 교차" });
    expect(localStorage.getItem(key)).toBe("s-3");
  });

  it("forgets a remembered strategy that is gone", async () => {
    localStorage.setItem(key, "gone");
    get.mockImplementation((path: string) =>
      path === "/api/v1/strategies" ? ok({ items: [] }) : { error: { status: 404 }, response: new Response(null, { status: 404 }) },
    );
    expect(await findQuickRunStrategy(template, key)).toBeNull();
  });
});
