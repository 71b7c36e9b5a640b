import { act, renderHook } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { useDebouncedValue } from "./use-debounced-value";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("useDebouncedValue", () => {
  it("passes a value on only once it has stopped changing", () => {
    const { result, rerender } = renderHook(({ value }) => useDebouncedValue(value, 300), { initialProps: { value: "s" } });
    rerender({ value: "sm" });
    act(() => vi.advanceTimersByTime(200));
    rerender({ value: "sma" });
    act(() => vi.advanceTimersByTime(200));
    expect(result.current).toBe("s");
    act(() => vi.advanceTimersByTime(100));
    expect(result.current).toBe("sma");
  });
});
