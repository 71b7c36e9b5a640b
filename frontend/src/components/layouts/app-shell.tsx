"use client";

import { MenuIcon } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Sheet, SheetContent, SheetDescription, SheetTitle, SheetTrigger } from "@/components/ui/sheet";
import { isActive, NAV_ITEMS } from "@/config/nav";
import { useT } from "@/lib/i18n";
import { cn } from "@/lib/utils";
import { Brand } from "./brand";
import { HeaderControls } from "./header-controls";

function NavLinks({ onNavigate }: { onNavigate?: () => void }) {
  const pathname = usePathname();
  const t = useT();
  return (
    <ul className="grid gap-1">
      {NAV_ITEMS.map((item) => {
        const active = isActive(pathname, item.href);
        const Icon = item.icon;
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              onClick={onNavigate}
              aria-current={active ? "page" : undefined}
              className={cn(
                "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium text-muted-foreground transition-colors outline-none hover:bg-accent hover:text-accent-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50",
                active && "bg-accent text-accent-foreground",
              )}
            >
              <Icon className="size-4" />
              {t(item.label)}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

/** The signed-in frame: a sidebar on wide screens, a drawer on phones, and the top bar. */
export function AppShell({ children, userMenu }: { children: ReactNode; userMenu: ReactNode }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <div className="min-h-dvh lg:grid lg:grid-cols-[15rem_1fr]">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-primary px-3 py-2 text-primary-foreground focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        {t("common.skipToContent")}
      </a>
      <aside className="sticky top-0 hidden h-dvh flex-col gap-6 border-r bg-card/40 px-3 py-4 lg:flex">
        <Brand href="/dashboard" className="px-2" />
        <nav aria-label={t("nav.main")}>
          <NavLinks />
        </nav>
      </aside>
      <div className="flex min-w-0 flex-col">
        <header className="sticky top-0 z-30 flex h-14 items-center gap-2 border-b bg-background/85 px-3 backdrop-blur sm:px-5">
          <Sheet open={open} onOpenChange={setOpen}>
            <SheetTrigger asChild>
              <Button variant="ghost" size="icon-sm" className="lg:hidden" aria-label={t("nav.open")}>
                <MenuIcon />
              </Button>
            </SheetTrigger>
            <SheetContent closeLabel={t("common.close")} className="px-3 py-4">
              <SheetTitle className="sr-only">{t("nav.main")}</SheetTitle>
              <SheetDescription className="sr-only">{t("nav.mainDescription")}</SheetDescription>
              <Brand href="/dashboard" className="px-2" />
              <nav aria-label={t("nav.main")}>
                <NavLinks onNavigate={() => setOpen(false)} />
              </nav>
            </SheetContent>
          </Sheet>
          <Brand href="/dashboard" className="lg:hidden" />
          <HeaderControls className="ml-auto">{userMenu}</HeaderControls>
        </header>
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 outline-none sm:px-6 lg:py-8">
          {children}
        </main>
      </div>
    </div>
  );
}
