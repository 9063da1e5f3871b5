/**
 * Money as the dashboard and the public pages show it (dates and times: src/lib/time/format.ts). Prices are
 * stored in minor units (cents); whole amounts show without decimals ("$200"),
 * others with two ("$149.50").
 */
export function formatPrice(priceCents: number, currency: string, { freeLabel = "Free" } = {}): string {
  if (priceCents === 0) return freeLabel;
  const amount = priceCents / 100;
  const digits = Number.isInteger(amount) ? 0 : 2;
  try {
    return new Intl.NumberFormat("en-US", {
      style: "currency",
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(amount);
  } catch {
    return `${amount.toFixed(digits)} ${currency}`;
  }
}

/** The amount as a person would type it back into the price field: "200", "149.5" → "149.50". */
export function priceInputValue(priceCents: number): string {
  const amount = priceCents / 100;
  return Number.isInteger(amount) ? String(amount) : amount.toFixed(2);
}

/** "US dollars (USD)", or just the code when the runtime has no name for it. */
export function currencyName(currency: string): string {
  try {
    const name = new Intl.DisplayNames(["en"], { type: "currency" }).of(currency);
    return name && name !== currency ? `${name} (${currency})` : currency;
  } catch {
    return currency;
  }
}

/** The symbol shown in front of a price input: "$", "€", or the code. */
export function currencySymbol(currency: string): string {
  try {
    const part = new Intl.NumberFormat("en-US", { style: "currency", currency, currencyDisplay: "narrowSymbol" })
      .formatToParts(0)
      .find((p) => p.type === "currency");
    return part?.value ?? currency;
  } catch {
    return currency;
  }
}
