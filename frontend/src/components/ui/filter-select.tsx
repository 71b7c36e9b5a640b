"use client";

import type { ComponentProps } from "react";
import { Select, SelectContent, SelectItem, SelectItems, SelectTrigger, SelectValue, type SelectOption } from "@/components/ui/select";

const ALL = "all";

/**
 * A filter over a list: "all" first, then the options. The empty string stands for all, in `value` and
 * in what `onValueChange` is given. `label` names the select; other props go to its trigger.
 */
export function FilterSelect({
  value,
  onValueChange,
  label,
  allLabel,
  options,
  ...triggerProps
}: {
  value: string;
  onValueChange: (value: string) => void;
  label: string;
  allLabel: string;
  options: readonly SelectOption[];
} & Omit<ComponentProps<typeof SelectTrigger>, "children" | "aria-label">) {
  return (
    <Select value={value || ALL} onValueChange={(next) => onValueChange(next === ALL ? "" : next)}>
      <SelectTrigger aria-label={label} {...triggerProps}>
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        <SelectItem value={ALL}>{allLabel}</SelectItem>
        <SelectItems options={options} />
      </SelectContent>
    </Select>
  );
}
