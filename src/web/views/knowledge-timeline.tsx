/**
 * @module A timeline of dated events drawn on the server as SVG: one mark per event on a time axis with a
 * tick per year, each mark a link to its sentence with a `<title>` tooltip. Accessible: `role="img"` with a
 * title and a description that points at the list of events the page gives beside it. Time runs in the
 * page's reading direction (right to left in Arabic).
 */
import type { Event } from '../../knowledge/index.ts';

export interface TimelineEvent extends Event {
  href: string;
}

export interface TimelineProps {
  id: string;
  lang: string;
  title: string;
  description: string;
  events: TimelineEvent[];
  /** How an event's date reads in the tooltip. */
  formatDate: (date: string) => string;
}

const WIDTH = 760;
const PAD = 28;
const LANE = 16;

/** A date of any precision as a fractional year, at the middle of what it names. */
export function yearOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  if (m === undefined) return y + 0.5;
  if (d === undefined) return y + (m - 0.5) / 12;
  return y + (m - 1) / 12 + (d - 0.5) / 365;
}

/** @example <Timeline id="tl" lang="en" title="Timeline" description="…" events={[…]} formatDate={(d) => d} /> */
export function Timeline(props: TimelineProps) {
  const { events } = props;
  if (events.length === 0) return null;
  const years = events.map((e) => yearOf(e.date));
  const from = Math.floor(Math.min(...years));
  const to = Math.floor(Math.max(...years)) + 1;
  const rtl = props.lang === 'ar';
  const x = (year: number) => {
    const f = (year - from) / (to - from);
    return PAD + (rtl ? 1 - f : f) * (WIDTH - 2 * PAD);
  };
  // Marks closer than two radii go to the next lane up, so none hides another.
  const lanes: number[] = [];
  const placed = events.map((e, i) => {
    const cx = x(years[i]);
    let lane = lanes.findIndex((last) => Math.abs(cx - last) >= 14);
    if (lane < 0) lane = lanes.length;
    lanes[lane] = cx;
    return { e, cx, lane };
  });
  const axisY = 24 + lanes.length * LANE;
  const height = axisY + 30;
  const ticks: number[] = [];
  for (let y = from; y <= to; y++) ticks.push(y);
  const step = Math.ceil(ticks.length / 12);
  return (
    <svg
      class="timeline"
      role="img"
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      aria-labelledby={`${props.id}-title ${props.id}-desc`}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={`${props.id}-title`}>{props.title}</title>
      <desc id={`${props.id}-desc`}>{props.description}</desc>
      <line x1={PAD} x2={WIDTH - PAD} y1={axisY} y2={axisY} stroke="currentColor" stroke-width="1" />
      {ticks.map((y, i) => (
        <g>
          <line x1={x(y)} x2={x(y)} y1={axisY - 4} y2={axisY + 4} stroke="currentColor" stroke-width="1" />
          {i % step === 0 && y < to ? (
            <text x={x(y + 0.5)} y={axisY + 20} text-anchor="middle" font-size="12" fill="currentColor">
              {String(y)}
            </text>
          ) : null}
        </g>
      ))}
      {placed.map(({ e, cx, lane }) => (
        <a href={e.href}>
          <circle cx={cx.toFixed(1)} cy={axisY - 12 - lane * LANE} r={e.precision === 'day' ? 5 : e.precision === 'month' ? 6 : 7} fill="#b5542d" fill-opacity="0.85" stroke="currentColor" stroke-width="1">
            <title>{`${props.formatDate(e.date)} — ${e.label}`}</title>
          </circle>
        </a>
      ))}
    </svg>
  );
}
