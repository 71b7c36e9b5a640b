"use client";

import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

export interface Choice<T extends string> {
  value: T;
  label: ReactNode;
  /** The language the label is written in, where it is not the page's. */
  lang?: string;
}

/** A header button (its content the children) opening the choices of one setting, the current one checked. */
export function ChoiceMenu<T extends string>({
  label,
  size,
  value,
  onValueChange,
  choices,
  children,
  "data-testid": testId,
}: {
  /** The accessible name of the button. */
  label: string;
  size: "sm" | "icon-sm";
  value: T;
  onValueChange: (value: T) => void;
  choices: readonly Choice<T>[];
  children: ReactNode;
  "data-testid"?: string;
}) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size={size} aria-label={label} data-testid={testId}>
          {children}
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        <DropdownMenuRadioGroup value={value} onValueChange={(next) => onValueChange(next as T)}>
          {choices.map((choice) => (
            <DropdownMenuRadioItem key={choice.value} value={choice.value} lang={choice.lang}>
              {choice.label}
            </DropdownMenuRadioItem>
          ))}
        </DropdownMenuRadioGroup>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
