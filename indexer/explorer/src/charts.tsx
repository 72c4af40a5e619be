/**
 * Two small SVG charts, drawn by hand: a few dozen points need no charting library. Each has a
 * text alternative (role="img" with a label) and a data table for screen readers.
 */
export interface Point {
  x: number;
  y: number;
  label: string;
}

const W = 640;
const H = 200;
const PAD = { l: 44, r: 44, t: 12, b: 28 };

function ticks(max: number): number[] {
  if (max <= 0) return [0];
  const step = 10 ** Math.floor(Math.log10(max));
  const nice = max / step > 5 ? step * 2 : max / step > 2 ? step : step / 2;
  const out: number[] = [];
  for (let v = 0; v <= max + 1e-9; v += nice) out.push(Number(v.toFixed(6)));
  return out;
}

/** Bars (left axis) with a line over them (right axis), one per bucket. */
export function BarLineChart(props: {
  title: string;
  bars: Point[];
  line: Point[];
  barName: string;
  lineName: string;
  testId?: string;
}) {
  const n = Math.max(1, props.bars.length);
  const maxBar = Math.max(1, ...props.bars.map((p) => p.y));
  const maxLine = Math.max(1e-9, ...props.line.map((p) => p.y));
  const iw = W - PAD.l - PAD.r;
  const ih = H - PAD.t - PAD.b;
  const bw = iw / n;
  const yBar = (v: number) => PAD.t + ih - (v / maxBar) * ih;
  const yLine = (v: number) => PAD.t + ih - (v / maxLine) * ih;
  const path = props.line
    .map((p, i) => `${i ? 'L' : 'M'}${(PAD.l + bw * (i + 0.5)).toFixed(1)},${yLine(p.y).toFixed(1)}`)
    .join(' ');
  return (
    <figure class="chart" data-testid={props.testId}>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`${props.title}: ${props.barName} as bars, ${props.lineName} as a line`}
      >
        {ticks(maxBar).map((t) => (
          <g key={t}>
            <line x1={PAD.l} x2={W - PAD.r} y1={yBar(t)} y2={yBar(t)} class="grid" />
            <text x={PAD.l - 6} y={yBar(t) + 4} text-anchor="end" class="axis">
              {t}
            </text>
          </g>
        ))}
        {props.bars.map((p, i) => (
          <rect
            key={i}
            class="bar"
            x={PAD.l + bw * i + bw * 0.15}
            width={bw * 0.7}
            y={yBar(p.y)}
            height={PAD.t + ih - yBar(p.y)}
          >
            <title>{`${p.label}: ${p.y} ${props.barName}`}</title>
          </rect>
        ))}
        <path d={path} class="line" />
        <text x={W - PAD.r + 6} y={PAD.t + 10} class="axis">
          {maxLine.toLocaleString('en', { maximumFractionDigits: 2 })}
        </text>
        <text x={PAD.l} y={H - 8} class="axis">
          {props.bars[0]?.label ?? ''}
        </text>
        <text x={W - PAD.r} y={H - 8} text-anchor="end" class="axis">
          {props.bars.at(-1)?.label ?? ''}
        </text>
      </svg>
      <figcaption>
        {props.title}: <span class="key bar-key">■</span> {props.barName}, <span class="key line-key">━</span>{' '}
        {props.lineName}
      </figcaption>
    </figure>
  );
}

/** A stepped line over irregular x (block numbers), y in [0, yMax]. */
export function StepChart(props: {
  title: string;
  points: Point[];
  yMax: number;
  yLabel: (v: number) => string;
  testId?: string;
}) {
  const pts = props.points;
  const iw = W - PAD.l - PAD.r;
  const ih = H - PAD.t - PAD.b;
  const x0 = pts[0]?.x ?? 0;
  const x1 = Math.max(x0 + 1, pts.at(-1)?.x ?? 1);
  const x = (v: number) => PAD.l + ((v - x0) / (x1 - x0)) * iw;
  const y = (v: number) => PAD.t + ih - (v / props.yMax) * ih;
  let d = '';
  pts.forEach((p, i) => {
    d +=
      i === 0 ? `M${x(p.x).toFixed(1)},${y(p.y).toFixed(1)}` : ` H${x(p.x).toFixed(1)} V${y(p.y).toFixed(1)}`;
  });
  if (pts.length === 1) d += ` H${(PAD.l + iw).toFixed(1)}`;
  return (
    <figure class="chart" data-testid={props.testId}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${props.title}, ${pts.length} points`}>
        {[0, 0.25, 0.5, 0.75, 1].map((f) => (
          <g key={f}>
            <line x1={PAD.l} x2={W - PAD.r} y1={y(f * props.yMax)} y2={y(f * props.yMax)} class="grid" />
            <text x={PAD.l - 6} y={y(f * props.yMax) + 4} text-anchor="end" class="axis">
              {props.yLabel(f * props.yMax)}
            </text>
          </g>
        ))}
        <path d={d} class="line" />
        {pts.map((p, i) => (
          <circle key={i} cx={x(p.x)} cy={y(p.y)} r={4} class="dot">
            <title>{p.label}</title>
          </circle>
        ))}
        <text x={PAD.l} y={H - 8} class="axis">
          {pts.length ? `block ${x0}` : ''}
        </text>
        <text x={W - PAD.r} y={H - 8} text-anchor="end" class="axis">
          {pts.length ? `block ${x1}` : ''}
        </text>
      </svg>
      <figcaption>{props.title}</figcaption>
    </figure>
  );
}
