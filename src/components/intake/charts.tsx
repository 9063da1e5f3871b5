// Server-rendered SVG charts for intake profiles, each with a text equivalent
// (a visually hidden table), so a screen reader gets the same figures.

const SERIES = [
  { fill: "fill-brand-600", stroke: "stroke-brand-600", dot: "bg-brand-600", soft: "fill-brand-600/20" },
  { fill: "fill-clay-600", stroke: "stroke-clay-600", dot: "bg-clay-600", soft: "fill-clay-600/20" },
] as const;

type Values = (number | null)[];

function Legend({ names }: { names: string[] }) {
  if (names.length < 2) return null;
  return (
    <ul aria-hidden className="mt-2 flex flex-wrap gap-4 text-xs text-muted">
      {names.map((name, i) => (
        <li key={name} className="flex items-center gap-1.5">
          <span className={`inline-block h-2.5 w-2.5 rounded-full ${SERIES[i]!.dot}`} /> {name}
        </li>
      ))}
    </ul>
  );
}

function TextTable({ caption, names, rows, format }: { caption: string; names: string[]; rows: { label: string; values: Values }[]; format: (v: number) => string }) {
  return (
    <table className="sr-only">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Item</th>
          {names.map((n) => (
            <th key={n} scope="col">
              {n}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.label}>
            <th scope="row">{r.label}</th>
            {r.values.map((v, i) => (
              <td key={i}>{v === null ? "not enough answers" : format(v)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Horizontal bars from 0 to 100, one per series in each row (root causes, roadblocks). */
export function ScoreBars({ caption, names, rows }: { caption: string; names: string[]; rows: { label: string; values: Values }[] }) {
  const barH = 14;
  const rowH = 22 + names.length * (barH + 4);
  const width = 320;
  const height = rows.length * rowH;
  return (
    <figure>
      <svg viewBox={`0 0 ${width} ${height}`} className="w-full max-w-md" aria-hidden>
        {rows.map((row, r) => (
          <g key={row.label} transform={`translate(0 ${r * rowH})`}>
            <text x={0} y={13} className="fill-ink text-[11px]">
              {row.label}
            </text>
            {row.values.map((v, i) => (
              <g key={i} transform={`translate(0 ${20 + i * (barH + 4)})`}>
                <rect width={width - 40} height={barH} rx={4} className="fill-brand-50" />
                {v !== null ? <rect width={((width - 40) * v) / 100} height={barH} rx={4} className={SERIES[i]!.fill} /> : null}
                <text x={width - 34} y={barH - 3} className="fill-muted text-[10px]">
                  {v === null ? "–" : v}
                </text>
              </g>
            ))}
          </g>
        ))}
      </svg>
      <Legend names={names} />
      <TextTable caption={caption} names={names} rows={rows} format={(v) => `${v} of 100`} />
    </figure>
  );
}

/** A radar of the five pillars, 1 (centre) to 5 (edge); one polygon per series. */
export function PillarRadar({ caption, names, rows }: { caption: string; names: string[]; rows: { label: string; values: Values }[] }) {
  const size = 300;
  const c = size / 2;
  const radius = 95;
  const angle = (i: number) => -Math.PI / 2 + (2 * Math.PI * i) / rows.length;
  const point = (i: number, v: number) => {
    const r = (radius * (v - 1)) / 4;
    return [c + r * Math.cos(angle(i)), c + r * Math.sin(angle(i))] as const;
  };
  return (
    <figure>
      {/* Room either side for the axis labels, which sit outside the circle. */}
      <svg viewBox={`-80 -5 ${size + 160} ${size + 10}`} className="w-full max-w-md" aria-hidden>
        {[2, 3, 4, 5].map((level) => (
          <polygon key={level} points={rows.map((_, i) => point(i, level).join(",")).join(" ")} className="fill-none stroke-line" />
        ))}
        {rows.map((row, i) => {
          const [x, y] = point(i, 5.6);
          return (
            <g key={row.label}>
              <line x1={c} y1={c} x2={point(i, 5)[0]} y2={point(i, 5)[1]} className="stroke-line" />
              <text x={x} y={y} textAnchor={Math.abs(x - c) < 5 ? "middle" : x > c ? "start" : "end"} className="fill-ink text-[10px]">
                {row.label}
              </text>
            </g>
          );
        })}
        {names.map((_, s) => {
          const pts = rows.map((row, i) => point(i, row.values[s] ?? 1));
          return (
            <polygon key={s} points={pts.map((p) => p.join(",")).join(" ")} className={`${SERIES[s]!.soft} ${SERIES[s]!.stroke}`} strokeWidth={2} />
          );
        })}
      </svg>
      <Legend names={names} />
      <TextTable caption={caption} names={names} rows={rows} format={(v) => `${v} of 5`} />
    </figure>
  );
}

/** Where each partner sits on a 1–7 spectrum; a gap of 3 or more is highlighted. */
export function SpectrumCompare({ names, rows }: { names: string[]; rows: { label: string; left: string; right: string; values: Values }[] }) {
  return (
    <ul className="space-y-4">
      {rows.map((row) => {
        const [a, b] = row.values;
        const gap = a != null && b != null ? Math.abs(a - b) : null;
        const wide = gap !== null && gap >= 3;
        return (
          <li key={row.label} className={`rounded-lg p-3 ${wide ? "bg-clay-100" : ""}`}>
            <p className="text-sm font-medium text-ink">
              {row.label}
              {wide ? <span className="ml-2 text-xs font-semibold text-clay-600">Gap of {gap}: worth talking about</span> : null}
            </p>
            <svg viewBox="0 0 300 24" className="mt-1 w-full max-w-md" aria-hidden>
              <line x1={10} y1={12} x2={290} y2={12} className="stroke-line" strokeWidth={2} />
              {row.values.map((v, i) =>
                v === null ? null : <circle key={i} cx={10 + ((v - 1) * 280) / 6} cy={12} r={7} className={`${SERIES[i]!.fill} stroke-white`} strokeWidth={2} />,
              )}
            </svg>
            <div className="flex justify-between text-xs text-muted sm:max-w-md">
              <span>{row.left}</span>
              <span className="text-right">{row.right}</span>
            </div>
            <p className="sr-only">
              {names.map((n, i) => `${n}: ${row.values[i] ?? "not answered"} of 7`).join("; ")}
              {gap !== null ? `; gap ${gap}.` : "."}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
