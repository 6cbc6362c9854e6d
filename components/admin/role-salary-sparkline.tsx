// A small inline chart of average salary over time: no script, no library, scales to its box.
const WIDTH = 240;
const HEIGHT = 48;
const PADDING = 4;

export function RoleSalarySparkline({ points }: { points: number[] }) {
  const low = Math.min(...points);
  const high = Math.max(...points);
  const range = high - low || 1;
  const step = (WIDTH - PADDING * 2) / Math.max(points.length - 1, 1);
  const coordinates = points.map((value, index) => {
    const x = PADDING + index * step;
    const y = HEIGHT - PADDING - ((value - low) / range) * (HEIGHT - PADDING * 2);
    return `${x.toFixed(1)},${y.toFixed(1)}`;
  });
  return (
    <svg className="role-sparkline" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} aria-hidden="true" focusable="false">
      <polyline points={coordinates.join(' ')} fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" strokeLinecap="round" />
    </svg>
  );
}
