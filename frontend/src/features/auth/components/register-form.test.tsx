import { screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { sessionStore } from "@/lib/auth/session";
import { json, renderWithProviders, stubApi } from "@/test/render";
import { RegisterForm } from "./register-form";

afterEach(() => vi.unstubAllGlobals());

function renderForm() {
  const onSuccess = vi.fn();
  const view = renderWithProviders(<RegisterForm onSuccess={onSuccess} loginHref="/login" />);
  const fill = async (email: string, username: string, password: string) => {
    const { user } = view;
    await user.clear(screen.getByLabelText("Email"));
    if (email) await user.type(screen.getByLabelText("Email"), email);
    await user.clear(screen.getByLabelText("Username"));
    if (username) await user.type(screen.getByLabelText("Username"), username);
    await user.clear(screen.getByLabelText("Password"));
    if (password) await user.type(screen.getByLabelText("Password"), password);
    await user.click(screen.getByRole("button", { name: "Create account" }));
  };
  return { ...view, onSuccess, fill };
}

describe("the sign-up form", () => {
  it("requires every field", async () => {
    const { user } = renderForm();
    await user.click(screen.getByRole("button", { name: "Create account" }));
    expect(await screen.findAllByText("Required")).toHaveLength(3);
  });

  it("mirrors the API's rules for email, username and password", async () => {
    const { fill } = renderForm();
    await fill("kim@", "quant kim", "onlyletters");
    expect(await screen.findByText("Enter a valid email address")).toBeInTheDocument();
    expect(screen.getByText("No spaces or @")).toBeInTheDocument();
    expect(screen.getByText("Use at least one letter and one digit")).toBeInTheDocument();
  });

  it("refuses a password equal to the username", async () => {
    const { fill } = renderForm();
    await fill("kim@example.com", "quant_kim42", "QUANT_KIM42");
    expect(await screen.findByText("Must differ from your username and email")).toBeInTheDocument();
  });

  it("counts the password's length in bytes, as bcrypt does", async () => {
    const { fill } = renderForm();
    await fill("kim@example.com", "quant_kim", "비밀번호".repeat(6) + "1");
    expect(await screen.findByText("8 to 72 characters")).toBeInTheDocument();
  });

  it("shows a taken username on its field", async () => {
    stubApi((_, url) =>
      url.pathname === "/api/v1/auth/register"
        ? json(409, { type: "/problems/username-taken", title: "Username taken", status: 409 })
        : undefined,
    );
    const { fill, onSuccess } = renderForm();
    await fill("kim@example.com", "quant_kim", "correct horse 42");
    expect(await screen.findByText("This username is taken.")).toBeInTheDocument();
    expect(onSuccess).not.toHaveBeenCalled();
  });

  it("signs in with the tokens it gets back", async () => {
    const { requests } = stubApi((_, url) =>
      url.pathname === "/api/v1/auth/register"
        ? json(201, {
            access_token: "jwt",
            expires_in: 900,
            user: { id: "u1", email: "kim@example.com", username: "quant_kim" },
          })
        : undefined,
    );
    const { fill, onSuccess } = renderForm();
    await fill("kim@example.com", "quant_kim", "correct horse 42");
    await waitFor(() => expect(onSuccess).toHaveBeenCalled());
    expect(await requests[0]!.json()).toEqual({
      email: "kim@example.com",
      username: "quant_kim",
      password: "correct horse 42",
    });
    expect(sessionStore.getState()).toMatchObject({ status: "authenticated", accessToken: "jwt" });
  });
});
