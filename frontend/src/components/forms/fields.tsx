"use client";

import type { ComponentProps, ReactNode } from "react";
import type { Control, ControllerRenderProps, FieldPath, FieldValues } from "react-hook-form";
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/forms/form";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItems, SelectTrigger, SelectValue, type SelectOption } from "@/components/ui/select";
import { Switch } from "@/components/ui/switch";
import { cn } from "@/lib/utils";

/**
 * The usual form fields, bound to a field of the surrounding React Hook Form: a label, the control, an
 * optional description and the field's message, one under the other. A field laid out otherwise (a
 * cell of a grid without a label) is composed from form.tsx directly.
 */
export type FieldProps<TValues extends FieldValues, TName extends FieldPath<TValues>> = {
  control: Control<TValues>;
  name: TName;
  label: ReactNode;
  description?: ReactNode;
};

/** The frame every field below shares; `render` gives the control, wrapped in FormControl. */
export function LabelledField<TValues extends FieldValues, TName extends FieldPath<TValues>>({
  control,
  name,
  label,
  labelClassName,
  description,
  render,
}: FieldProps<TValues, TName> & { labelClassName?: string; render: (field: ControllerRenderProps<TValues, TName>) => ReactNode }) {
  return (
    <FormField
      control={control}
      name={name}
      render={({ field }) => (
        <FormItem>
          <FormLabel className={labelClassName}>{label}</FormLabel>
          {render(field)}
          {description && <FormDescription>{description}</FormDescription>}
          <FormMessage />
        </FormItem>
      )}
    />
  );
}

/** A unit written inside the right edge of an input ("%", "KRW"); the input leaves room for it with right padding. */
export function InputUnit({ children }: { children: ReactNode }) {
  return <span className="pointer-events-none absolute top-1/2 right-3 -translate-y-1/2 text-sm text-muted-foreground">{children}</span>;
}

/**
 * A labelled input; other props go to the input. With `unit` (even an empty one, while it is not yet
 * known) the input stands in a box that writes the unit inside its right edge. A field with no value
 * yet shows an empty input.
 */
export function InputField<TValues extends FieldValues, TName extends FieldPath<TValues>>({
  control,
  name,
  label,
  labelClassName,
  description,
  unit,
  ...inputProps
}: FieldProps<TValues, TName> & { labelClassName?: string; unit?: string } & Omit<
    ComponentProps<"input">,
    "name" | "value" | "defaultValue" | "onChange" | "onBlur" | "ref"
  >) {
  return (
    <LabelledField
      control={control}
      name={name}
      label={label}
      labelClassName={labelClassName}
      description={description}
      render={(field) => {
        const input = (
          <FormControl>
            <Input {...field} value={field.value ?? ""} {...inputProps} />
          </FormControl>
        );
        return unit === undefined ? (
          input
        ) : (
          <div className="relative">
            {input}
            {unit && <InputUnit>{unit}</InputUnit>}
          </div>
        );
      }}
    />
  );
}

/** An InputField for a decimal number: the number keyboard, any step, tabular figures. */
export function NumberField<TValues extends FieldValues, TName extends FieldPath<TValues>>({
  className,
  ...props
}: ComponentProps<typeof InputField<TValues, TName>>) {
  return <InputField type="number" inputMode="decimal" step="any" {...props} className={cn("tabular-nums", className)} />;
}

/**
 * A labelled select of `options`. `onValueChange` runs after the field has taken the value, for what
 * else a choice changes (another field's default, the dates of an interval).
 */
export function SelectField<TValues extends FieldValues, TName extends FieldPath<TValues>>({
  options,
  placeholder,
  disabled,
  onValueChange,
  "data-testid": testId,
  ...frame
}: FieldProps<TValues, TName> & {
  options: readonly SelectOption[];
  placeholder?: string;
  disabled?: boolean;
  onValueChange?: (value: string) => void;
  /** Of the trigger. */
  "data-testid"?: string;
}) {
  return (
    <LabelledField
      {...frame}
      render={(field) => (
        <Select
          value={field.value}
          onValueChange={(value) => {
            field.onChange(value);
            onValueChange?.(value);
          }}
          disabled={disabled}
        >
          <FormControl>
            <SelectTrigger className="w-full" data-testid={testId}>
              <SelectValue placeholder={placeholder} />
            </SelectTrigger>
          </FormControl>
          <SelectContent>
            <SelectItems options={options} />
          </SelectContent>
        </Select>
      )}
    />
  );
}

/** An on/off switch with its label and description beside it. */
export function SwitchField<TValues extends FieldValues, TName extends FieldPath<TValues>>({
  control,
  name,
  label,
  description,
  disabled,
}: FieldProps<TValues, TName> & { disabled?: boolean }) {
  return (
    <FormField
      control={control}
      name={name}
      render={({ field }) => (
        <FormItem className="flex items-start justify-between gap-4">
          <div className="grid gap-1">
            <FormLabel>{label}</FormLabel>
            {description && <FormDescription>{description}</FormDescription>}
          </div>
          <FormControl>
            <Switch checked={field.value} onCheckedChange={field.onChange} disabled={disabled} />
          </FormControl>
        </FormItem>
      )}
    />
  );
}
