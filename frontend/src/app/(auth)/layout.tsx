import type { ReactNode } from "react";
import { Brand } from "@/components/layouts/brand";
import { HeaderControls } from "@/components/layouts/header-controls";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col bg-gradient-to-b from-primary/5 to-background">
      <header className="flex h-14 items-center justify-between px-4 sm:px-6">
        <Brand />
        <HeaderControls />
      </header>
      <main className="flex flex-1 items-start justify-center px-4 pt-8 pb-16 sm:pt-16">{children}</main>
    </div>
  );
}
