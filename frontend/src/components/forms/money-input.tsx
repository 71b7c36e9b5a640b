"use client";

import { useLayoutEffect, useRef, type ComponentProps, type Ref } from "react";
import type { FieldPath, FieldValues } from "react-hook-form";
import { InputUnit, LabelledField, type FieldProps } from "@/components/forms/fields";
import { FormControl } from "@/components/forms/form";
import { Input } from "@/components/ui/input";
import { formatAmountReadBack, groupDigits, parseNumber } from "@/lib/format";
import { useLocale } from "@/lib/i18n";
import { cn } from "@/lib/utils";

const isSignificant = (char: string) => /[\d.]/.test(char);

/** How many digits and decimal points stand before `position` in `text`: what a caret is after. */
export function significantBefore(text: string, position: number): number {
  let count = 0;
  for (let i = 0; i < position && i < text.length; i++) if (isSignificant(text[i]!)) count += 1;
  return count;
}

/** The caret position in `text` just after its `count`-th digit or decimal point (0 when count is 0). */
export function positionAfter(text: string, count: number): number {
  if (count <= 0) return 0;
  let seen = 0;
  for (let i = 0; i < text.length; i++) {
    if (isSignificant(text[i]!)) seen += 1;
    if (seen === count) return i + 1;
  }
  return text.length;
}

/**
 * A text box for an amount that groups its digits as they are typed ("10,000,000") while the form
 * keeps the bare number ("10000000"). The caret stays after the digit it was after, wherever the
 * commas move; anything but digits and one decimal point is dropped.
 */
export function GroupedNumberInput({
  value,
  onChange,
  ref,
  ...props
}: Omit<ComponentProps<typeof Input>, "value" | "onChange" | "type" | "ref"> & {
  value: string;
  onChange: (value: string) => void;
  ref?: Ref<HTMLInputElement>;
}) {
  const input = useRef<HTMLInputElement | null>(null);
  const caret = useRef<number | null>(null);
  const shown = groupDigits(value);
  useLayoutEffect(() => {
    const element = input.current;
    if (caret.current === null || !element || element !== element.ownerDocument.activeElement) return;
    const position = positionAfter(shown, caret.current);
    element.setSelectionRange(position, position);
    caret.current = null;
  });
  return (
    <Input
      {...props}
      ref={(element) => {
        input.current = element;
        if (typeof ref === "function") ref(element);
        else if (ref) ref.current = element;
      }}
      type="text"
      inputMode="decimal"
      autoComplete="off"
      value={shown}
      onChange={(event) => {
        const { value: typed, selectionStart } = event.target;
        caret.current = significantBefore(typed, selectionStart ?? typed.length);
        onChange(groupDigits(typed).replace(/,/g, ""));
      }}
    />
  );
}

/**
 * A labelled money box: the digits grouped as they are typed, the currency inside its right edge, and
 * the amount read back under it in words a trader checks at a glance ("1,000만 원", "₩10M", "$10,000").
 * Used for every amount a form asks for: the capital, fees in currency, default costs.
 */
export function MoneyField<TValues extends FieldValues, TName extends FieldPath<TValues>>({
  control,
  name,
  label,
  labelClassName,
  description,
  currency,
  className,
  "data-testid": testId,
  ...inputProps
}: FieldProps<TValues, TName> & {
  labelClassName?: string;
  /** The amount's currency code; empty while it is not known yet. */
  currency: string;
  className?: string;
  "data-testid"?: string;
} & Omit<ComponentProps<"input">, "name" | "value" | "defaultValue" | "onChange" | "onBlur" | "ref" | "type" | "className">) {
  const locale = useLocale();
  return (
    <LabelledField
      control={control}
      name={name}
      label={label}
      labelClassName={labelClassName}
      description={description}
      render={(field) => {
        const text = String(field.value ?? "");
        const amount = parseNumber(text);
        return (
          <>
            <div className="relative">
              <FormControl>
                <GroupedNumberInput
                  {...inputProps}
                  name={field.name}
                  ref={field.ref}
                  value={text}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  className={cn("tabular-nums", currency && "pr-14", className)}
                  data-testid={testId}
                />
              </FormControl>
              {currency && <InputUnit>{currency}</InputUnit>}
            </div>
            {amount !== null && text.trim() !== "" && (
              <p className="num text-xs text-muted-foreground" data-testid={testId ? `${testId}-read-back` : "money-read-back"}>
                {formatAmountReadBack(amount, currency, locale)}
              </p>
            )}
          </>
        );
      }}
    />
  );
}
