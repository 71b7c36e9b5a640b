import { screen } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "@/test/render";
import { ActionsImportForm } from "./actions-import-form";

const post = vi.fn();
vi.mock("@/lib/api/client", async (original) => ({
  ...(await original<typeof import("@/lib/api/client")>()),
  api: { POST: (...args: unknown[]) => post(...args) },
}));

beforeEach(() => post.mockReset());

async function chooseFile(user: ReturnType<typeof renderWithProviders>["user"]) {
  const file = new File(["date,type,value,end_date\n2018-05-04,split,50:1,\n"], "actions.csv", { type: "text/csv" });
  await user.upload(screen.getByTestId("csv-file"), file);
}

describe("the corporate actions upload", () => {
  it("sends the file for the symbol and says how many actions it imported", async () => {
    post.mockResolvedValue({
      data: { symbol: "005930", dataset: "own", imported: 3, actions: [] },
      response: new Response(null, { status: 201 }),
    });
    const { user } = renderWithProviders(<ActionsImportForm />);
    await chooseFile(user);
    await user.type(screen.getByTestId("actions-symbol"), "005930");
    await user.click(screen.getByRole("button", { name: "Import actions" }));
    expect(await screen.findByText("3 actions imported for 005930")).toBeInTheDocument();
    const [path, init] = post.mock.calls[0]!;
    expect(path).toBe("/api/v1/data/actions/import");
    expect(init.params.query).toEqual({ symbol: "005930" });
    expect((init.body as FormData).get("file")).toBeInstanceOf(File);
  });

  it("lists the line the API refused, with what is wrong with it, and imports nothing", async () => {
    post.mockResolvedValue({
      error: {
        type: "/problems/import-rejected",
        title: "Import rejected",
        status: 422,
        detail:
          "line 3: unknown type 'bonus'. Nothing was imported: the columns are date,type,value,end_date with type split" +
          " (value 2, 2:1 or 1:10), dividend (cash per share) or halt (date to end_date).",
      },
      response: new Response(null, { status: 422 }),
    });
    const { user } = renderWithProviders(<ActionsImportForm symbol="005930" />);
    expect(screen.queryByTestId("actions-symbol")).not.toBeInTheDocument();
    await chooseFile(user);
    await user.click(screen.getByRole("button", { name: "Import actions" }));
    expect(await screen.findByTestId("actions-rejected")).toHaveTextContent("1 row has errors");
    const table = screen.getByRole("table", { name: "Rejected rows" });
    expect(table).toHaveTextContent("3");
    expect(table).toHaveTextContent("unknown type 'bonus'");
    expect(table).not.toHaveTextContent("Nothing was imported");
  });

  it("shows a refusal of the whole file in the API's words", async () => {
    post.mockResolvedValue({
      error: {
        type: "/problems/import-rejected",
        title: "Import rejected",
        status: 422,
        detail: "The file has no actions; nothing was imported.",
      },
      response: new Response(null, { status: 422 }),
    });
    const { user } = renderWithProviders(<ActionsImportForm symbol="005930" />);
    await chooseFile(user);
    await user.click(screen.getByRole("button", { name: "Import actions" }));
    expect(await screen.findByText("The file has no actions; nothing was imported.")).toBeInTheDocument();
    expect(screen.queryByRole("table", { name: "Rejected rows" })).not.toBeInTheDocument();
  });

  it("puts a symbol without bars on the symbol field", async () => {
    post.mockResolvedValue({
      error: {
        type: "/problems/validation-failed",
        title: "Unprocessable",
        status: 422,
        errors: [{ field: "symbol", message: "you have no upload of ZZZ; import its bars first" }],
      },
      response: new Response(null, { status: 422 }),
    });
    const { user } = renderWithProviders(<ActionsImportForm />);
    await chooseFile(user);
    await user.type(screen.getByTestId("actions-symbol"), "ZZZ");
    await user.click(screen.getByRole("button", { name: "Import actions" }));
    expect(await screen.findByText(/you have no upload of ZZZ/)).toBeInTheDocument();
  });
});
