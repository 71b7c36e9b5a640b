import { render } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import DiffView, { SIDE_BY_SIDE_MIN_WIDTH } from "./diff-view";

const diffEditor = vi.hoisted(() => vi.fn((_props: Record<string, unknown>) => null));
vi.mock("@monaco-editor/react", () => ({ DiffEditor: diffEditor }));
// The real set-up starts Monaco's worker, which needs a browser.
vi.mock("../lib/monaco-setup", () => ({ configureStrategyLanguage: vi.fn() }));

describe("DiffView", () => {
  it("compares read-only, side by side on a wide screen and unified and wrapped on a phone", () => {
    render(<DiffView original={"a\n"} modified={"b\n"} catalogue={undefined} ariaLabel="v1 → v2" loadingLabel="Loading" />);

    const props = diffEditor.mock.calls[0]![0] as { original: string; modified: string; options: Record<string, unknown> };
    expect(props.original).toBe("a\n");
    expect(props.modified).toBe("b\n");
    expect(props.options).toMatchObject({
      readOnly: true,
      originalEditable: false,
      ariaLabel: "v1 → v2",
      renderSideBySide: true,
      // Narrower than this (a phone), one unified column whose long lines wrap instead of scrolling sideways.
      useInlineViewWhenSpaceIsLimited: true,
      renderSideBySideInlineBreakpoint: SIDE_BY_SIDE_MIN_WIDTH,
      wordWrap: "on",
      diffWordWrap: "on",
    });
    expect(SIDE_BY_SIDE_MIN_WIDTH).toBeGreaterThan(390);
  });
});
