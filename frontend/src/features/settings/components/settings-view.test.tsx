import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { SchemaApiKeyResponse, SchemaDefaultCosts } from "@/lib/api/schema";
import { signedIn, signedOut } from "@/lib/auth/session";
import { colourConventionStore, setColourConvention } from "@/lib/colour-convention";
import { setLanguage } from "@/lib/i18n";
import { json, renderWithProviders, stubApi } from "@/test/render";
import { toDefaultCosts, toFormValues } from "./default-costs-section";
import { SettingsView } from "./settings-view";

const USER = {
  id: "11111111-1111-4111-8111-111111111111",
  email: "kim@example.com",
  username: "kim",
  created_at: "2026-12-01T00:00:00Z",
  admin: false,
};

const PROFILE = {
  display_name: null,
  name: "kim",
  language: null,
  colour_convention: "auto",
  default_costs: null,
  updated_at: null,
};

const KEY: SchemaApiKeyResponse = {
  id: "22222222-2222-4222-8222-222222222222",
  name: "notebook",
  prefix: "tb_3f9a1c2e",
  created_at: "2026-12-01T00:00:00Z",
  expires_at: null,
  last_used_at: null,
  revoked_at: null,
};

function settingsApi(
  options: { profile?: Record<string, unknown>; keys?: unknown[]; onPut?: (body: Record<string, unknown>) => Response | undefined } = {},
) {
  let profile: Record<string, unknown> = { ...PROFILE, ...options.profile };
  let keys = [...(options.keys ?? [])] as SchemaApiKeyResponse[];
  return stubApi(async (request, url) => {
    if (url.pathname === "/api/v1/me/profile" && request.method === "GET") return json(200, profile);
    if (url.pathname === "/api/v1/me/profile" && request.method === "PUT") {
      const body = (await request.json()) as Record<string, unknown>;
      const answer = options.onPut?.(body);
      if (answer) return answer;
      profile = {
        display_name: body.display_name ?? null,
        name: body.display_name ?? "kim",
        language: body.language ?? null,
        colour_convention: body.colour_convention ?? "auto",
        default_costs: body.default_costs ?? null,
        updated_at: "2026-12-08T00:00:00Z",
      };
      return json(200, profile);
    }
    if (url.pathname === "/api/v1/api-keys" && request.method === "GET") return json(200, keys);
    if (url.pathname === "/api/v1/api-keys" && request.method === "POST") {
      const body = (await request.json()) as { name: string; expires_in_days?: number };
      const created = { ...KEY, id: "33333333-3333-4333-8333-333333333333", name: body.name, prefix: "tb_0badc0de" };
      keys = [created, ...keys];
      return json(201, { key: "tb_0badc0de_SECRETSECRETSECRET", api_key: created });
    }
    if (url.pathname === `/api/v1/api-keys/${KEY.id}` && request.method === "DELETE") {
      keys = keys.map((k) => (k.id === KEY.id ? { ...k, revoked_at: "2026-12-08T00:00:00Z" } : k));
      return new Response(null, { status: 204 });
    }
    return undefined;
  });
}

beforeEach(() => {
  setLanguage("en");
  signedIn("token", USER, 900);
});

afterEach(() => {
  vi.unstubAllGlobals();
  signedOut();
  setColourConvention("auto");
});

describe("SettingsView", () => {
  it("saves the trimmed display name over the rest of the profile", async () => {
    const api = settingsApi({ profile: { colour_convention: "green-up" } });
    const { user } = renderWithProviders(<SettingsView />);

    const field = await screen.findByLabelText("Display name");
    expect(screen.getByText(/your username kim is shown/)).toBeInTheDocument();
    await user.type(field, "  Kim Trader  ");
    await user.click(screen.getByTestId("profile-save"));

    await waitFor(() => expect(api.requests.some((r) => r.method === "PUT")).toBe(true));
    const put = api.requests.find((r) => r.method === "PUT")!;
    expect(await put.json()).toEqual({ display_name: "Kim Trader", colour_convention: "green-up" });
    await waitFor(() => expect(field).toHaveValue("Kim Trader"));
  });

  it("refuses a display name over 60 characters before asking the API", async () => {
    const api = settingsApi();
    const { user } = renderWithProviders(<SettingsView />);

    const field = await screen.findByLabelText("Display name");
    await user.type(field, "x".repeat(61));
    await user.click(screen.getByTestId("profile-save"));

    expect(await screen.findByText("At most 60 characters.")).toBeInTheDocument();
    expect(api.requests.some((r) => r.method === "PUT")).toBe(false);
  });

  it("applies a colour convention at once, previews it, and saves it to the profile", async () => {
    const api = settingsApi();
    const { user } = renderWithProviders(<SettingsView />);

    await user.click(await screen.findByTestId("settings-colours"));
    await user.click(await screen.findByRole("option", { name: "Red up, blue down" }));

    expect(colourConventionStore.getState().convention).toBe("red-up");
    expect(document.documentElement.getAttribute("data-updown")).toBe("red-up");
    expect(screen.getByTestId("colour-preview-up")).toHaveClass("text-gain");
    expect(screen.getByTestId("colour-preview-down")).toHaveClass("text-loss");
    await waitFor(() => expect(api.requests.some((r) => r.method === "PUT")).toBe(true));
    expect(await api.requests.find((r) => r.method === "PUT")!.json()).toMatchObject({ colour_convention: "red-up" });
  });

  it("saves default costs as fractions, and shows the API's field errors on their fields", async () => {
    let reject = true;
    const api = settingsApi({
      onPut: () =>
        reject
          ? json(422, {
              type: "/problems/validation-failed",
              title: "Validation failed",
              status: 422,
              errors: [{ field: "default_costs.slippage_ticks", message: "must be from 0 to 10000" }],
            })
          : undefined,
    });
    const { user } = renderWithProviders(<SettingsView />);

    await user.click(await screen.findByRole("switch", { name: "Start new backtests from my costs" }));
    const form = screen.getByTestId("default-costs-form");
    const commission = within(form).getByLabelText("Commission");
    await user.clear(commission);
    await user.type(commission, "0.015");
    const tax = within(form).getByLabelText("Sell tax");
    await user.clear(tax);
    await user.type(tax, "0.18");
    await user.click(screen.getByTestId("default-costs-save"));

    expect(await screen.findByText("must be from 0 to 10000")).toBeInTheDocument();
    reject = false;
    await user.click(screen.getByTestId("default-costs-save"));
    await waitFor(() => expect(api.requests.filter((r) => r.method === "PUT")).toHaveLength(2));
    const body = (await api.requests.filter((r) => r.method === "PUT")[1]!.json()) as { default_costs: Record<string, unknown> };
    expect(body.default_costs).toEqual({
      preset: "none",
      commission_rate: 0.00015,
      sell_tax_rate: 0.0018,
      slippage_rate: 0,
      commission_fixed: 0,
      commission_minimum: 0,
      slippage_ticks: 0,
    });
  });

  it("checks cost ranges in the form: a rate of 100% or more is refused", async () => {
    const api = settingsApi({ profile: { default_costs: { preset: "krx", commission_rate: 0.00015, sell_tax_rate: 0.002 } } });
    const { user } = renderWithProviders(<SettingsView />);

    const form = await screen.findByTestId("default-costs-form");
    const slippage = within(form).getByLabelText("Slippage");
    await user.clear(slippage);
    await user.type(slippage, "100");
    await user.click(screen.getByTestId("default-costs-save"));

    expect(await screen.findByText("From 0% to below 100%.")).toBeInTheDocument();
    expect(api.requests.some((r) => r.method === "PUT")).toBe(false);
  });

  it("shows a new key once with a warning, lists keys by prefix only, and revokes after confirming", async () => {
    const api = settingsApi({ keys: [KEY] });
    const { user } = renderWithProviders(<SettingsView />);

    const rows = await screen.findAllByTestId("api-key-row");
    expect(rows).toHaveLength(1);
    expect(within(rows[0]!).getByText("tb_3f9a1c2e…")).toBeInTheDocument();

    await user.type(screen.getByLabelText("Name"), "research");
    await user.click(screen.getByTestId("api-key-create"));
    const dialog = await screen.findByTestId("created-key-dialog");
    expect(within(dialog).getByTestId("created-key")).toHaveValue("tb_0badc0de_SECRETSECRETSECRET");
    expect(within(dialog).getByText(/it will not be shown again/)).toBeInTheDocument();
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    await user.click(within(dialog).getByTestId("copy-key"));
    expect(writeText).toHaveBeenCalledWith("tb_0badc0de_SECRETSECRETSECRET");
    expect(within(dialog).getByText("Copied")).toBeInTheDocument();
    await user.click(within(dialog).getByRole("button", { name: "I have copied it" }));
    await waitFor(() => expect(screen.queryByTestId("created-key-dialog")).not.toBeInTheDocument());
    expect(screen.queryByDisplayValue("tb_0badc0de_SECRETSECRETSECRET")).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getAllByTestId("api-key-row")).toHaveLength(2));

    const old = screen.getAllByTestId("api-key-row").find((row) => within(row).queryByText("notebook"))!;
    await user.click(within(old).getByTestId("api-key-revoke"));
    await user.click(await screen.findByRole("button", { name: "Revoke key" }));
    await waitFor(() => expect(api.requests.some((r) => r.method === "DELETE" && r.url.endsWith(KEY.id))).toBe(true));
    await waitFor(() => {
      const row = screen.getAllByTestId("api-key-row").find((r) => within(r).queryByText("notebook"))!;
      expect(row).toHaveAttribute("data-state", "revoked");
    });
  });

  it("asks for a key's name before creating it", async () => {
    const api = settingsApi();
    const { user } = renderWithProviders(<SettingsView />);

    expect(await screen.findByText("No API keys yet.")).toBeInTheDocument();
    await user.click(screen.getByTestId("api-key-create"));

    expect(await screen.findByText("Give the key a name.")).toBeInTheDocument();
    expect(api.requests.some((r) => r.method === "POST")).toBe(false);
  });
});

describe("default costs in the form", () => {
  it("round-trip between the profile's fractions and the form's percentages", () => {
    const costs: SchemaDefaultCosts = {
      preset: "krx",
      commission_rate: 0.00015,
      sell_tax_rate: 0.0018,
      slippage_rate: 0.0005,
      commission_fixed: 0,
      commission_minimum: 100,
      slippage_ticks: 1,
    };
    const values = toFormValues(costs);
    expect(values).toMatchObject({
      enabled: true,
      preset: "krx",
      commission_rate: "0.015",
      sell_tax_rate: "0.18",
      slippage_rate: "0.05",
      commission_minimum: "100",
    });
    expect(toDefaultCosts(values)).toEqual(costs);
  });

  it("are none when switched off or never saved", () => {
    expect(toFormValues(null).enabled).toBe(false);
    expect(toDefaultCosts({ ...toFormValues(null), enabled: false })).toBeUndefined();
  });
});
