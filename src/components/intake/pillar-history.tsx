// The five pillars over time on the client page: a server-rendered SVG line chart (one line per
// pillar, each rating at its submission time in the coach's zone) and the same figures as a table
// for screen readers. No chart library: the geometry is src/lib/intake/pillar-history.ts.

import { PILLARS, pillarLabels, type Pillar } from "@/lib/intake/model";
import { labelledTicks, pillarChart, type Assessment } from "@/lib/intake/pillar-history";

/** Told apart by colour (colour-blind safe), dash and marker, so no line relies on colour alone. */
const STYLE: Record<Pillar, { color: string; dash?: string; marker: "circle" | "square" | "diamond" | "triangle" | "ring" }> = {
  vulnerability: { color: "#1f6f6a", marker: "circle" },
  listening: { color: "#a4532d", dash: "6 3", marker: "square" },
  empathy: { color: "#0072b2", dash: "2 3", marker: "diamond" },
  affirmation: { color: "#b0568c", dash: "8 3 2 3", marker: "triangle" },
  shared: { color: "#5f6b76", dash: "1 0", marker: "ring" },
};

// Room at either end for a date label centred on the first or last assessment.
const BOX = { width: 600, height: 240, left: 32, right: 24, top: 12, bottom: 28 };

function Marker({ pillar, x, y }: { pillar: Pillar; x: number; y: number }) {
  const { color, marker } = STYLE[pillar];
  if (marker === "square") return <rect x={x - 3.5} y={y - 3.5} width={7} height={7} fill={color} />;
  if (marker === "diamond") return <polygon points={`${x},${y - 4.5} ${x + 4.5},${y} ${x},${y + 4.5} ${x - 4.5},${y}`} fill={color} />;
  if (marker === "triangle") return <polygon points={`${x},${y - 4.5} ${x + 4.5},${y + 3.5} ${x - 4.5},${y + 3.5}`} fill={color} />;
  if (marker === "ring") return <circle cx={x} cy={y} r={3.5} fill="white" stroke={color} strokeWidth={2} />;
  return <circle cx={x} cy={y} r={4} fill={color} />;
}

export function PillarHistory({ assessments, timeZone }: { assessments: Assessment[]; timeZone: string }) {
  if (!assessments.length) {
    return <p className="text-sm text-muted">No pillar ratings yet. They appear here once the client submits an intake or a check-in that rates the pillars.</p>;
  }
  const chart = pillarChart(assessments, BOX);
  // One formatter each, made once: building an Intl.DateTimeFormat costs far more than using one.
  const monthDay = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone });
  const when = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeStyle: "short", timeZone });
  return (
    <figure>
      <svg viewBox={`0 0 ${BOX.width} ${BOX.height}`} className="w-full" aria-hidden>
        {chart.levels.map((level) => (
          <g key={level.value}>
            <line x1={BOX.left} x2={BOX.width - BOX.right} y1={level.y} y2={level.y} className="stroke-line" />
            <text x={BOX.left - 8} y={level.y + 3.5} textAnchor="end" className="fill-muted text-[10px]">
              {level.value}
            </text>
          </g>
        ))}
        {labelledTicks(chart.ticks, 64).map((tick) => (
          <text key={tick.assessmentId} x={tick.x} y={BOX.height - 8} textAnchor="middle" className="fill-muted text-[10px]">
            {monthDay.format(tick.at)}
          </text>
        ))}
        {chart.lines.map((line) => (
          <g key={line.pillar}>
            {line.points.length > 1 ? (
              <path d={line.path} fill="none" stroke={STYLE[line.pillar].color} strokeWidth={2} strokeDasharray={STYLE[line.pillar].dash} strokeLinejoin="round" />
            ) : null}
            {line.points.map((p) => (
              <Marker key={p.assessmentId} pillar={line.pillar} x={p.x} y={p.y} />
            ))}
          </g>
        ))}
      </svg>
      <ul aria-hidden className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted">
        {PILLARS.map((pillar) => (
          <li key={pillar} className="flex items-center gap-1.5">
            <svg viewBox="0 0 24 10" className="h-2.5 w-6">
              <line x1={0} x2={24} y1={5} y2={5} stroke={STYLE[pillar].color} strokeWidth={2} strokeDasharray={STYLE[pillar].dash} />
              <Marker pillar={pillar} x={12} y={5} />
            </svg>
            {pillarLabels[pillar]}
          </li>
        ))}
      </ul>
      <table className="sr-only">
        <caption>Pillar ratings over time, 1 (hardly there) to 5 (strong and steady)</caption>
        <thead>
          <tr>
            <th scope="col">Submitted</th>
            {PILLARS.map((pillar) => (
              <th key={pillar} scope="col">
                {pillarLabels[pillar]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {assessments.map((a) => (
            <tr key={a.id}>
              <th scope="row">
                {a.name}, {when.format(a.submittedAt)}
              </th>
              {PILLARS.map((pillar) => (
                <td key={pillar}>{a.pillars[pillar] === null ? "not rated" : `${a.pillars[pillar]} of 5`}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
