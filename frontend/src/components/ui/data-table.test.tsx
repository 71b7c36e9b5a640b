import { getCoreRowModel, useReactTable, type ColumnDef } from "@tanstack/react-table";
import { render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { VirtualTable } from "./data-table";

interface Row {
  line: number;
}
const columns: ColumnDef<Row>[] = [{ accessorKey: "line", header: "Line" }];

function Lines({ count }: { count: number }) {
  const table = useReactTable({
    data: Array.from({ length: count }, (_, i) => ({ line: i + 1 })),
    columns,
    getCoreRowModel: getCoreRowModel(),
  });
  return <VirtualTable table={table} label="Lines" estimateRowHeight={40} maxHeight="400px" />;
}

afterEach(() => vi.restoreAllMocks());

describe("VirtualTable", () => {
  it("renders a short list whole", () => {
    render(<Lines count={30} />);
    expect(screen.getAllByRole("row")).toHaveLength(31);
  });

  it("keeps only the rows in view in the DOM for a long list", () => {
    // jsdom has no layout: give the scroll container the size a browser would.
    vi.spyOn(HTMLElement.prototype, "clientHeight", "get").mockReturnValue(400);
    vi.spyOn(HTMLElement.prototype, "clientWidth", "get").mockReturnValue(800);
    vi.spyOn(HTMLElement.prototype, "offsetHeight", "get").mockReturnValue(40);
    render(<Lines count={10_000} />);
    const rendered = screen.getAllByRole("row").length - 1;
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(60);
    expect(screen.getByRole("table", { name: "Lines" })).toHaveAttribute("aria-rowcount", "10001");
    expect(screen.getByText("1")).toBeInTheDocument();
    expect(screen.queryByText("10000")).not.toBeInTheDocument();
  });
});
