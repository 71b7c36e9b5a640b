"use client";

import { FileSpreadsheetIcon, UploadCloudIcon } from "lucide-react";
import { useId, useState } from "react";
import { formatBytes } from "@/lib/format";
import { useLocale, useT } from "@/lib/i18n";
import { cn } from "@/lib/utils";

/**
 * A file input that also takes a dropped file; the real input stays focusable for the keyboard.
 * `formats` names the files it takes (default: the bar exports the CSV import reads).
 */
export function FileDrop({
  file,
  onFile,
  accept,
  invalid,
  describedBy,
  formats,
}: {
  file: File | undefined;
  onFile: (file: File | undefined) => void;
  accept: string;
  invalid?: boolean;
  describedBy?: string;
  formats?: string;
}) {
  const t = useT();
  const locale = useLocale();
  const id = useId();
  const [dragging, setDragging] = useState(false);
  return (
    <label
      htmlFor={id}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        const dropped = event.dataTransfer.files[0];
        if (dropped) onFile(dropped);
      }}
      className={cn(
        "flex cursor-pointer flex-col items-center justify-center gap-2 rounded-lg border-2 border-dashed px-4 py-6 text-center transition-colors has-[:focus-visible]:border-ring has-[:focus-visible]:ring-[3px] has-[:focus-visible]:ring-ring/50",
        dragging ? "border-primary bg-primary/5" : "hover:border-primary/50 hover:bg-accent/40",
        invalid && "border-destructive/60",
      )}
    >
      <input
        id={id}
        type="file"
        accept={accept}
        className="sr-only"
        aria-invalid={invalid}
        aria-describedby={describedBy}
        data-testid="csv-file"
        onChange={(event) => onFile(event.target.files?.[0])}
      />
      {file ? (
        <>
          <FileSpreadsheetIcon className="size-7 text-primary" aria-hidden />
          <span className="font-medium break-all">{file.name}</span>
          <span className="text-xs text-muted-foreground">
            {formatBytes(file.size, locale)} · {t("marketData.chooseAnother")}
          </span>
        </>
      ) : (
        <>
          <UploadCloudIcon className="size-7 text-muted-foreground" aria-hidden />
          <span className="font-medium">{t("marketData.dropFile")}</span>
          <span className="text-xs text-muted-foreground">{formats ?? t("marketData.fileFormats")}</span>
        </>
      )}
    </label>
  );
}
