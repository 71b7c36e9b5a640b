"use client";

import { LogOutIcon, UserIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { useNavigationGuard } from "@/hooks/use-unsaved-changes";
import { useT } from "@/lib/i18n";
import { useLogout } from "../api/logout";
import { useSession } from "../hooks/use-session";

export function UserMenu() {
  const t = useT();
  const user = useSession((s) => s.user);
  const logout = useLogout();
  const router = useRouter();
  const requestLeave = useNavigationGuard((state) => state.request);
  const initial = (user?.username ?? "?").slice(0, 1).toUpperCase();
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="sm" className="gap-2 px-1.5" aria-label={t("auth.account")} data-testid="user-menu">
          <span className="flex size-7 items-center justify-center rounded-full bg-primary/15 text-xs font-semibold text-primary">
            {initial}
          </span>
          <span className="hidden max-w-32 truncate md:inline">{user?.username}</span>
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-56">
        <DropdownMenuLabel className="grid gap-0.5">
          <span className="flex items-center gap-2 truncate">
            <UserIcon className="size-4 text-muted-foreground" />
            {user?.username}
          </span>
          <span className="truncate text-xs font-normal text-muted-foreground">{user?.email}</span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem
          onSelect={() =>
            // Signing out leaves the page: with unsaved edits, only after the user agrees.
            requestLeave(() =>
              logout.mutate(undefined, {
                onSettled: () => router.replace("/login"),
              }),
            )
          }
        >
          <LogOutIcon />
          {t("auth.logout")}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
