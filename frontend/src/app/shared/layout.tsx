import type { ReactNode } from "react";
import { Brand } from "@/components/layouts/brand";
import { HeaderControls } from "@/components/layouts/header-controls";

/** A shared run's page: open to anyone, so no sign-in gate, no navigation and no account menu. */
export default function SharedLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="flex h-14 items-center justify-between border-b px-4 sm:px-6 print:hidden">
        <Brand />
        <HeaderControls />
      </header>
      <main className="mx-auto w-full max-w-7xl min-w-0 flex-1 px-4 py-6 sm:px-6">{children}</main>
    </div>
  );
}
