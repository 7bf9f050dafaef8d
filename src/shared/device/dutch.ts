/** Dutch number formatting for the afnemer's messages: a decimal comma, e.g. 13,3 inch and 125%. */
export function decimal(value: number, digits = 1): string {
  return value.toFixed(digits).replace('.', ',');
}

export function percent(scale: number): string {
  return `${Math.round(scale * 100)}%`;
}

export function pixels(width: number, height: number): string {
  return `${width}×${height}`;
}

/** "100%", "100% of 125%", "100%, 125% of 150%". */
export function orList(values: string[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} of ${values[values.length - 1]}`;
}
