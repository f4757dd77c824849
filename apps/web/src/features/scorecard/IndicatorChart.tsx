import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useI18n, type MessageKey } from '../../i18n';
import { num } from '../../lib/format';
import type { IndicatorDetail } from './types';

const INK = '#1f2328';
const ACTUAL = '#0b57b4';
const PLAN = '#8c959f';
const TARGET = '#a40e26';

const CAPTION: Record<IndicatorDetail['chart']['kind'], MessageKey> = {
  path: 'indicator.chart.path',
  rate: 'indicator.chart.rate',
  checks: 'indicator.chart.checks',
  values: 'indicator.chart.values',
};

/** Actuals against the expected path and the target; yearly rates against the band. */
export function IndicatorChart({ detail }: { detail: IndicatorDetail }) {
  const { t, locale } = useI18n();
  const { chart, indicator } = detail;
  const caption =
    indicator.target.form === 'cumulative' ? 'indicator.chart.total' : CAPTION[chart.kind];
  const format = (v: unknown) => (typeof v === 'number' ? num(v, locale) : String(v ?? '—'));
  const band = chart.band;
  return (
    <figure className="chart">
      <figcaption>{t(caption, { unit: indicator.unit || '—' })}</figcaption>
      <div className="chart-box">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={chart.points} margin={{ top: 24, right: 24, bottom: 4, left: 4 }}>
            <CartesianGrid stroke="#d0d7de" strokeDasharray="3 3" />
            <XAxis dataKey="year" stroke={INK} />
            <YAxis
              stroke={INK}
              width={64}
              tickFormatter={format}
              domain={
                chart.kind === 'rate'
                  ? [(min: number) => Math.min(0, min), 'auto']
                  : ['auto', 'auto']
              }
            />
            <Tooltip formatter={format} />
            <Legend />
            {chart.kind === 'rate' && band && (
              <ReferenceArea
                y1={band.low ?? undefined}
                y2={band.high ?? undefined}
                fill="#aceebb"
                fillOpacity={0.6}
                stroke="#116329"
                ifOverflow="extendDomain"
                label={{ value: t('indicator.series.band'), position: 'insideTopLeft', fill: INK }}
              />
            )}
            {chart.kind === 'rate' ? (
              <Bar
                dataKey="actual"
                name={t('indicator.series.actual')}
                fill={ACTUAL}
                barSize={28}
              />
            ) : (
              <Line
                dataKey="actual"
                name={t('indicator.series.actual')}
                stroke={ACTUAL}
                strokeWidth={2.5}
                dot={{ r: 4 }}
                connectNulls
                isAnimationActive={false}
              />
            )}
            {(chart.kind === 'path' || chart.kind === 'checks') && (
              <Line
                dataKey="expected"
                name={t(
                  chart.kind === 'path' ? 'indicator.series.expected' : 'indicator.series.bound',
                )}
                stroke={PLAN}
                strokeWidth={2}
                strokeDasharray="6 4"
                type={chart.kind === 'checks' ? 'stepAfter' : 'linear'}
                dot={false}
                connectNulls
                isAnimationActive={false}
              />
            )}
            {chart.target !== null && chart.kind !== 'checks' && (
              <ReferenceLine
                y={chart.target}
                stroke={TARGET}
                strokeDasharray="2 2"
                ifOverflow="extendDomain"
                label={{
                  value: `${t('indicator.series.target')} ${num(chart.target, locale)}`,
                  position: 'insideBottomRight',
                  fill: TARGET,
                }}
              />
            )}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
