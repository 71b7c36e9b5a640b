/**
 * A theme colour (a CSS custom property such as `--gain`, written in oklch) as `rgba(...)`, for canvas
 * libraries that cannot read CSS variables or parse every colour syntax. The browser converts it by
 * painting one pixel.
 */
let canvas: HTMLCanvasElement | null = null;

export function cssColor(variable: string, alpha = 1, element: Element = document.documentElement): string {
  const value = getComputedStyle(element).getPropertyValue(variable).trim();
  if (!value) return `rgba(128, 128, 128, ${alpha})`;
  try {
    canvas ??= document.createElement("canvas");
    canvas.width = 1;
    canvas.height = 1;
    const context = canvas.getContext("2d", { willReadFrequently: true });
    if (!context) return value;
    context.clearRect(0, 0, 1, 1);
    context.fillStyle = value;
    context.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = context.getImageData(0, 0, 1, 1).data;
    return `rgba(${r}, ${g}, ${b}, ${((a ?? 255) / 255) * alpha})`;
  } catch {
    return value;
  }
}
