import { screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "@/test/render";
import { CsvImportForm } from "./csv-import-form";

const post = vi.fn();
vi.mock("@/lib/api/client", async (original) => ({
  ...(await original<typeof import("@/lib/api/client")>()),
  api: { POST: (...args: unknown[]) => post(...args) },
}));

const problem = (status: number, body: Record<string, unknown>) => ({
  error: body,
  response: new Response(null, { status }),
});

beforeEach(() => post.mockReset());

async function chooseFile(user: ReturnType<typeof renderWithProviders>["user"]) {
  const file = new File(["date,open,high,low,close,volume\n"], "005930.KS.csv", { type: "text/csv" });
  await user.upload(screen.getByTestId("csv-file"), file);
}

describe("the CSV upload", () => {
  it("needs a file and a symbol", async () => {
    const { user } = renderWithProviders(<CsvImportForm />);
    await user.click(screen.getByRole("button", { name: "Upload and import" }));
    expect(await screen.findByText("Choose a file")).toBeInTheDocument();
    expect(screen.getByText("Required")).toBeInTheDocument();
    expect(post).not.toHaveBeenCalled();
  });

  it("takes the symbol from the file name and sends the new symbol's details", async () => {
    post.mockResolvedValue({
      data: { symbol: "005930.KS", rows_read: 10, rows_inserted: 10, rows_updated: 0, rows_skipped: 0, bad_rows: [] },
      response: new Response(null, { status: 201 }),
    });
    const { user } = renderWithProviders(<CsvImportForm />);
    await chooseFile(user);
    expect(screen.getByRole("textbox", { name: "Symbol" })).toHaveValue("005930.KS");
    await user.click(screen.getByRole("button", { name: "Upload and import" }));

    expect(await screen.findByText("Imported 005930.KS")).toBeInTheDocument();
    const [path, init] = post.mock.calls[0]!;
    expect(path).toBe("/api/v1/data/import");
    expect(init.params.query).toMatchObject({
      symbol: "005930.KS",
      interval: "1d",
      market: "KRX",
      currency: "KRW",
      time_zone: "Asia/Seoul",
      skip_bad_rows: false,
    });
    expect(init.params.query).not.toHaveProperty("dataset");
    expect((init.body as FormData).get("file")).toBeInstanceOf(File);
    expect(screen.getByTestId("private-upload-hint")).toHaveTextContent("never changes what other users read");
    expect(screen.queryByRole("switch", { name: /shared data/ })).not.toBeInTheDocument();
  });

  it("lets an administrator put the upload into the shared data", async () => {
    post.mockResolvedValue({
      data: { symbol: "005930.KS", rows_read: 1, rows_inserted: 1, rows_updated: 0, rows_skipped: 0, bad_rows: [] },
      response: new Response(null, { status: 201 }),
    });
    const { user } = renderWithProviders(<CsvImportForm canShare />);
    await chooseFile(user);
    await user.click(screen.getByRole("switch", { name: /shared data/ }));
    await user.click(screen.getByRole("button", { name: "Upload and import" }));

    await waitFor(() => expect(post).toHaveBeenCalled());
    expect(post.mock.calls[0]![1].params.query).toMatchObject({ dataset: "shared" });
  });

  it("lists every rejected row by line, and imports again skipping exactly those", async () => {
    post.mockResolvedValueOnce(
      problem(422, {
        type: "/problems/import-rejected",
        title: "Import rejected",
        status: 422,
        detail: "2 rows have errors",
        bad_rows: [
          { line: 5, reason: "low 'x' is not a number" },
          { line: 9, reason: "high is below low" },
        ],
        bad_row_count: 2,
      }),
    );
    const { user } = renderWithProviders(<CsvImportForm />);
    await chooseFile(user);
    await user.click(screen.getByRole("button", { name: "Upload and import" }));

    expect(await screen.findByText("2 rows have errors, so nothing was imported")).toBeInTheDocument();
    const table = screen.getByRole("table", { name: "Rejected rows" });
    expect(table).toHaveTextContent("low 'x' is not a number");
    expect(table).toHaveTextContent("high is below low");

    post.mockResolvedValueOnce({
      data: { symbol: "005930.KS", rows_read: 10, rows_inserted: 8, rows_updated: 0, rows_skipped: 2, bad_rows: [] },
      response: new Response(null, { status: 201 }),
    });
    await user.click(screen.getByRole("button", { name: "Import, skipping the 2 bad rows" }));
    await waitFor(() => expect(post).toHaveBeenCalledTimes(2));
    expect(post.mock.calls[1]![1].params.query.skip_bad_rows).toBe(true);
    expect(await screen.findByText(/8 new bars · 0 updated · 2 skipped/)).toBeInTheDocument();
  });

  it("sends the file's price basis and warns of suspected splits with what they mean", async () => {
    post.mockResolvedValue({
      data: {
        symbol: "005930.KS",
        rows_read: 10,
        rows_inserted: 10,
        rows_updated: 0,
        rows_skipped: 0,
        bad_rows: [],
        suspected_splits: [{ date: "2018-05-04", ratio: 50 }],
      },
      response: new Response(null, { status: 201 }),
    });
    const { user } = renderWithProviders(<CsvImportForm />);
    await chooseFile(user);
    await user.click(screen.getByRole("button", { name: "Upload and import" }));
    expect(await screen.findByText("Imported 005930.KS")).toBeInTheDocument();
    expect(post.mock.calls[0]![1].params.query).toMatchObject({ price_basis: "raw" });
    expect(post.mock.calls[0]![1].params.query).not.toHaveProperty("reject_on_suspected_split");
    const warning = screen.getByTestId("suspected-splits");
    expect(warning).toHaveTextContent("Possible unrecorded split");
    expect(warning).toHaveTextContent("2018-05-04");
    expect(warning).toHaveTextContent("50:1");
    expect(warning).toHaveTextContent("upload an actions CSV");
  });

  it("refuses on a suspected split when asked, and imports anyway on request", async () => {
    post.mockResolvedValueOnce(
      problem(422, {
        type: "/problems/suspected-split",
        title: "Suspected split",
        status: 422,
        suspected_splits: [{ date: "2020-08-31", ratio: 0.25 }],
      }),
    );
    const { user } = renderWithProviders(<CsvImportForm />);
    await chooseFile(user);
    await user.click(screen.getByRole("switch", { name: "Refuse the file on a suspected split" }));
    await user.click(screen.getByRole("button", { name: "Upload and import" }));
    const warning = await screen.findByTestId("suspected-splits");
    expect(warning).toHaveTextContent("The file was refused");
    expect(warning).toHaveTextContent("1:4");
    expect(post.mock.calls[0]![1].params.query).toMatchObject({ reject_on_suspected_split: true });

    post.mockResolvedValueOnce({
      data: { symbol: "005930.KS", rows_read: 10, rows_inserted: 10, rows_updated: 0, rows_skipped: 0, bad_rows: [] },
      response: new Response(null, { status: 201 }),
    });
    await user.click(screen.getByRole("button", { name: "Import it anyway" }));
    await waitFor(() => expect(post).toHaveBeenCalledTimes(2));
    expect(post.mock.calls[1]![1].params.query).not.toHaveProperty("reject_on_suspected_split");
    expect(await screen.findByText("Imported 005930.KS")).toBeInTheDocument();
  });
});
