import { act, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { UnsavedChangesDialog } from "@/components/layouts/unsaved-changes-dialog";
import { setLanguage } from "@/lib/i18n";
import { renderWithProviders } from "@/test/render";
import { inAppHref, useNavigationGuard, useUnsavedChanges } from "./use-unsaved-changes";

const router = vi.hoisted(() => ({ push: vi.fn(), replace: vi.fn(), back: vi.fn(), prefetch: vi.fn() }));
vi.mock("next/navigation", () => ({
  useRouter: () => router,
  usePathname: () => "/strategies/1",
  useSearchParams: () => new URLSearchParams(),
}));

/** An editor page: its own guard and dialog, a link standing in for a Next.js Link, a button that navigates in code. */
function Page({ dirty, onLinkClick }: { dirty: boolean; onLinkClick: () => void }) {
  useUnsavedChanges(dirty);
  const request = useNavigationGuard((state) => state.request);
  return (
    <>
      <a
        href="/data"
        onClick={(event) => {
          event.preventDefault();
          onLinkClick();
        }}
      >
        Market data
      </a>
      <a href="#history">History</a>
      <button type="button" onClick={() => request(() => router.push("/backtests"))}>
        Go to runs
      </button>
      <UnsavedChangesDialog />
    </>
  );
}

describe("useUnsavedChanges", () => {
  beforeEach(() => {
    vi.clearAllMocks();
    window.history.replaceState(null, "", "/strategies/1");
  });
  afterEach(() => act(() => useNavigationGuard.setState({ dirty: false, pending: null })));

  it("lets a link through while nothing is unsaved", async () => {
    const onLinkClick = vi.fn();
    const { user } = renderWithProviders(<Page dirty={false} onLinkClick={onLinkClick} />);

    await user.click(screen.getByText("Market data"));

    expect(onLinkClick).toHaveBeenCalledOnce();
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  });

  it("stops an in-app link with unsaved edits and stays on Keep editing", async () => {
    const onLinkClick = vi.fn();
    const { user } = renderWithProviders(<Page dirty onLinkClick={onLinkClick} />);

    await user.click(screen.getByText("Market data"));

    expect(await screen.findByRole("dialog", { name: "You have unsaved changes" })).toBeInTheDocument();
    expect(onLinkClick).not.toHaveBeenCalled();
    await user.click(screen.getByRole("button", { name: "Keep editing" }));
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(router.push).not.toHaveBeenCalled();
  });

  it("goes where the link pointed on Don't save", async () => {
    const { user } = renderWithProviders(<Page dirty onLinkClick={vi.fn()} />);

    await user.click(screen.getByText("Market data"));
    await user.click(await screen.findByRole("button", { name: "Don't save" }));

    expect(router.push).toHaveBeenCalledWith("/data");
    expect(useNavigationGuard.getState().dirty).toBe(false);
  });

  it("asks in Korean", async () => {
    act(() => setLanguage("ko"));
    try {
      const { user } = renderWithProviders(<Page dirty onLinkClick={vi.fn()} />);
      await user.click(screen.getByText("Market data"));
      expect(await screen.findByRole("dialog", { name: "저장하지 않은 변경 사항이 있습니다" })).toBeInTheDocument();
      expect(screen.getByRole("button", { name: "저장 안 함" })).toBeInTheDocument();
      expect(screen.getByRole("button", { name: "계속 편집" })).toBeInTheDocument();
    } finally {
      act(() => setLanguage("en"));
    }
  });

  it("guards navigation in code (signing out)", async () => {
    const { user } = renderWithProviders(<Page dirty onLinkClick={vi.fn()} />);

    await user.click(screen.getByRole("button", { name: "Go to runs" }));
    expect(await screen.findByRole("dialog")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Don't save" }));
    expect(router.push).toHaveBeenCalledWith("/backtests");
  });

  it("asks on the back button and puts the page's entry back", async () => {
    renderWithProviders(<Page dirty onLinkClick={vi.fn()} />);
    const pushState = vi.spyOn(window.history, "pushState");

    act(() => {
      // Back from the guard's own entry to the page's (which the router gave a state).
      window.dispatchEvent(new PopStateEvent("popstate", { state: { __NA: true } }));
    });

    expect(await screen.findByRole("dialog")).toBeInTheDocument();
    expect(pushState).toHaveBeenCalledOnce();
    expect(pushState.mock.calls[0]![0]).toMatchObject({ __NA: true });
    pushState.mockRestore();
  });

  it("lets a step onto its own entry or to a place on the page pass", () => {
    renderWithProviders(<Page dirty onLinkClick={vi.fn()} />);

    act(() => {
      window.dispatchEvent(new PopStateEvent("popstate", { state: null }));
      window.dispatchEvent(new PopStateEvent("popstate", { state: { ...window.history.state } }));
    });

    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  });

  it("ignores a link to a place on the same page", async () => {
    const { user } = renderWithProviders(<Page dirty onLinkClick={vi.fn()} />);

    await user.click(screen.getByText("History"));

    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  });
});

describe("inAppHref", () => {
  const anchor = (href: string, attributes: Record<string, string> = {}) => {
    const a = document.createElement("a");
    a.setAttribute("href", href);
    for (const [name, value] of Object.entries(attributes)) a.setAttribute(name, value);
    return a;
  };
  const click = (init: MouseEventInit = {}) => new MouseEvent("click", { button: 0, ...init });

  it("keeps the path, query and hash of an in-app link", () => {
    expect(inAppHref(anchor("/strategies/2?version=3#history"), click())).toBe("/strategies/2?version=3#history");
  });

  it("leaves new tabs, downloads, other sites and modified clicks to the browser", () => {
    expect(inAppHref(anchor("/data", { target: "_blank" }), click())).toBeNull();
    expect(inAppHref(anchor("/report.html", { download: "" }), click())).toBeNull();
    expect(inAppHref(anchor("https://example.com/"), click())).toBeNull();
    expect(inAppHref(anchor("/data"), click({ ctrlKey: true }))).toBeNull();
    expect(inAppHref(anchor("/data"), click({ button: 1 }))).toBeNull();
  });
});
