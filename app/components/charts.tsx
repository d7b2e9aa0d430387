/**
 * Charts drawn on the server as SVG: they work without JavaScript, print, and scale to a phone.
 * Each has a text title and description for screen readers, and its figures in a table below.
 */
import { useId, type ReactNode } from "react";

const WIDTH = 640;
const HEIGHT = 240;
const PAD = { top: 34, right: 16, bottom: 30, left: 44 };
const PLOT_W = WIDTH - PAD.left - PAD.right;
const PLOT_H = HEIGHT - PAD.top - PAD.bottom;
// Colours with at least 3:1 contrast on white (WCAG 1.4.11); lines also differ in dash and marker.
const COLOURS = ["#1d4f91", "#005a30"] as const;

function Frame({ title, description, children, figures }: { title: string; description: string; children: ReactNode; figures: ReactNode }) {
  const id = useId();
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} preserveAspectRatio="xMidYMid meet">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {children}
      </svg>
      <figcaption>{title}</figcaption>
      <details className="no-print">
        <summary>The figures<span className="visually-hidden">: {title}</span></summary>
        {figures}
      </details>
    </figure>
  );
}

/** A chart's numbers as a table: one row per label, one column per series. */
function Figures({ head, labels, columns }: { head: string[]; labels: string[]; columns: string[][] }) {
  return (
    <div className="table-wrap">
      <table>
        <thead><tr>{head.map((h) => <th key={h} scope="col">{h}</th>)}</tr></thead>
        <tbody>{labels.map((label, i) => <tr key={`${label}-${i}`}><th scope="row">{label}</th>{columns.map((c, n) => <td key={head[n + 1]}>{c[i]}</td>)}</tr>)}</tbody>
      </table>
    </div>
  );
}

function YAxis({ max, format }: { max: number; format: (v: number) => string }) {
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * max);
  return (
    <g aria-hidden="true" fontSize="12" fill="#484949">
      {ticks.map((t) => {
        const y = PAD.top + PLOT_H - (t / max) * PLOT_H;
        return (
          <g key={t}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y} y2={y} stroke="#d8d8d8" />
            <text x={PAD.left - 6} y={y + 4} textAnchor="end">{format(t)}</text>
          </g>
        );
      })}
    </g>
  );
}

function XLabels({ labels }: { labels: string[] }) {
  const step = PLOT_W / labels.length;
  // On a phone-sized chart every label would collide: show every other one when there are many.
  const every = labels.length > 8 ? 2 : 1;
  return (
    <g aria-hidden="true" fontSize="12" fill="#484949">
      {labels.map((label, i) => (i % every === 0 ? (
        <text key={`${label}-${i}`} x={PAD.left + step * (i + 0.5)} y={HEIGHT - PAD.bottom + 18} textAnchor="middle">{label}</text>
      ) : null))}
    </g>
  );
}

export type LineSeries = { name: string; values: (number | null)[] };

/** Shares (0 to 1) over time, e.g. people cleared at each month end. */
export function ShareLineChart({ title, description, labels, series }: { title: string; description: string; labels: string[]; series: LineSeries[] }) {
  const step = PLOT_W / labels.length;
  const x = (i: number) => PAD.left + step * (i + 0.5);
  const y = (v: number) => PAD.top + PLOT_H - v * PLOT_H;
  const percent = (v: number | null) => (v === null ? "–" : `${Math.round(v * 100)}%`);
  return (
    <Frame
      title={title}
      description={description}
      figures={<Figures head={["Date", ...series.map((s) => s.name)]} labels={labels} columns={series.map((s) => s.values.map(percent))} />}
    >
      <YAxis max={1} format={(v) => `${Math.round(v * 100)}%`} />
      <XLabels labels={labels} />
      {series.map((s, n) => {
        const points = s.values.map((v, i) => (v === null ? null : `${x(i)},${y(v)}`)).filter(Boolean).join(" ");
        return (
          <g key={s.name} aria-hidden="true">
            <polyline points={points} fill="none" stroke={COLOURS[n % 2]} strokeWidth="3" strokeDasharray={n % 2 ? "8 4" : undefined} />
            {s.values.map((v, i) => (v === null ? null : n % 2
              ? <rect key={i} x={x(i) - 4} y={y(v) - 4} width="8" height="8" fill={COLOURS[1]} />
              : <circle key={i} cx={x(i)} cy={y(v)} r="4" fill={COLOURS[0]} />))}
          </g>
        );
      })}
      <Legend names={series.map((s) => s.name)} />
    </Frame>
  );
}

function Legend({ names, hollowFirst }: { names: string[]; hollowFirst?: boolean }) {
  return (
    <g aria-hidden="true" fontSize="13" fill="#0b0c0c">
      {names.map((name, n) => (
        <g key={name} transform={`translate(${PAD.left + n * 200}, 4)`}>
          {hollowFirst && n === 0
            ? <rect x="1" y="1" width="12" height="12" fill="#ffffff" stroke={COLOURS[0]} strokeWidth="2" />
            : <rect width="14" height="14" fill={COLOURS[n % 2]} />}
          <text x="20" y="12">{name}</text>
        </g>
      ))}
    </g>
  );
}

/** Two counts side by side for each label, e.g. places needed and filled each week. */
export function PairedBarChart({ title, description, labels, needed, filled, neededName, filledName }: {
  title: string; description: string; labels: string[]; needed: number[]; filled: number[]; neededName: string; filledName: string;
}) {
  const max = Math.max(4, ...needed, ...filled);
  const top = Math.ceil(max / 4) * 4;
  const step = PLOT_W / labels.length;
  const barW = Math.max(2, step * 0.35);
  const h = (v: number) => (v / top) * PLOT_H;
  return (
    <Frame
      title={title}
      description={description}
      figures={<Figures head={["Week beginning", neededName, filledName]} labels={labels} columns={[needed.map(String), filled.map(String)]} />}
    >
      <YAxis max={top} format={(v) => String(Math.round(v))} />
      <XLabels labels={labels} />
      <g aria-hidden="true">
        {labels.map((label, i) => {
          const left = PAD.left + step * i + step * 0.15;
          return (
            <g key={`${label}-${i}`}>
              <rect x={left} y={PAD.top + PLOT_H - h(needed[i])} width={barW} height={h(needed[i])} fill="#ffffff" stroke={COLOURS[0]} strokeWidth="2" />
              <rect x={left + barW} y={PAD.top + PLOT_H - h(filled[i])} width={barW} height={h(filled[i])} fill={COLOURS[1]} />
            </g>
          );
        })}
      </g>
      <Legend names={[neededName, filledName]} hollowFirst />
    </Frame>
  );
}
