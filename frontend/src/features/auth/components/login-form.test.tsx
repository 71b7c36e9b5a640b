import { screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { json, renderWithProviders, stubApi } from "@/test/render";
import { LoginForm } from "./login-form";

afterEach(() => vi.unstubAllGlobals());

describe("the login form", () => {
  it("says plainly when the credentials are wrong", async () => {
    stubApi(() => json(401, { type: "/problems/invalid-credentials", title: "Invalid credentials", status: 401 }));
    const onSuccess = vi.fn();
    const { user } = renderWithProviders(<LoginForm onSuccess={onSuccess} registerHref="/register" />);

    await user.type(screen.getByLabelText("Email or username"), "quant_kim");
    await user.type(screen.getByLabelText("Password"), "wrong password 1");
    await user.click(screen.getByRole("button", { name: "Log in" }));

    expect(await screen.findByText("Wrong email, username or password.")).toBeInTheDocument();
    expect(onSuccess).not.toHaveBeenCalled();
  });

  it("tells how long to wait when rate limited", async () => {
    stubApi(() => json(429, { type: "/problems/rate-limited", title: "Too many", status: 429, retry_after_seconds: 42 }));
    const { user } = renderWithProviders(<LoginForm onSuccess={vi.fn()} registerHref="/register" />);

    await user.type(screen.getByLabelText("Email or username"), "quant_kim");
    await user.type(screen.getByLabelText("Password"), "x");
    await user.click(screen.getByRole("button", { name: "Log in" }));

    expect(await screen.findByText("Too many attempts. Try again in 42 seconds.")).toBeInTheDocument();
  });
});
