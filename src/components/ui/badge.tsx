const tones = {
  brand: "bg-brand-50 text-brand-800 ring-brand-100",
  neutral: "bg-paper text-muted ring-line",
  clay: "bg-clay-100 text-clay-600 ring-clay-600/20",
} as const;

export function Badge({ children, tone = "neutral" }: { children: React.ReactNode; tone?: keyof typeof tones }) {
  return (
    <span className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset ${tones[tone]}`}>
      {children}
    </span>
  );
}
