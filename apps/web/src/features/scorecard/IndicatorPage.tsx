import { plainLine, readerMessage, type ValueState } from '@pm/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { PrintHeader } from '../../components/PrintHeader';
import { noteText } from '../../components/RevisionNote';
import { StatusBadge } from '../../components/StatusBadge';
import { EmptyState, Loading } from '../../components/states';
import { useI18n } from '../../i18n';
import { useWords } from '../../i18n/words';
import { num, pct, when } from '../../lib/format';
import { withPeriod } from '../../lib/period';
import { useTRPC } from '../../lib/trpc';
import { useCurrentDistrict } from '../districts/DistrictLayout';
import { NoPlan } from '../districts/NoPlan';
import { PageError } from '../districts/PageError';
import { IndicatorChart } from './IndicatorChart';
import { LeadDepartment } from './LeadDepartment';
import { TargetRevisions } from './ReviseTarget';
import { useScorecardParams } from './params';
import { bandText, Outlook } from './Progress';
import type { IndicatorDetail } from './types';
import './scorecard.css';

/** One indicator: its chart, its figures with state and source, their history, and the plan's words. */
export function IndicatorPage() {
  const { t } = useI18n();
  const district = useCurrentDistrict();
  const rawSeq = useParams().seq ?? '';
  const seq = Number(rawSeq);
  const { year } = useScorecardParams();
  const trpc = useTRPC();
  const period = district.plan?.period;
  const valid = Number.isInteger(seq) && seq > 0;
  const detail = useQuery(
    trpc.scorecard.indicator.queryOptions(
      { district: district.code, period, seq, year },
      { enabled: valid && !!period },
    ),
  );
  const back = (
    <p className="no-print">
      <Link to={withPeriod(`/d/${district.code}${year ? `?year=${year}` : ''}`, period)}>
        ← {t('indicator.back')}
      </Link>
    </p>
  );
  if (!district.plan) return <NoPlan district={district} />;
  if (!valid)
    return (
      <>
        {back}
        <EmptyState title={t('state.notFound.title')}>
          {t('scorecard.noIndicator', { seq: rawSeq })}
        </EmptyState>
      </>
    );
  if (detail.isPending)
    return (
      <>
        {back}
        <Loading />
      </>
    );
  if (detail.isError)
    return (
      <>
        {back}
        <PageError error={detail.error} onRetry={() => void detail.refetch()} />
      </>
    );
  return (
    <>
      {back}
      <Detail detail={detail.data} />
    </>
  );
}

function Detail({ detail }: { detail: IndicatorDetail }) {
  const { t, locale } = useI18n();
  const words = useWords();
  const { indicator: ind, row } = detail;
  const period = useCurrentDistrict().plan?.period;
  const unit = ind.unit;
  const value = (x: number | null) => (x === null ? '—' : `${num(x, locale)}${unit}`);
  const { conclusion } = detail;
  return (
    <article className="indicator-page">
      <PrintHeader
        district={detail.district.name}
        plan={detail.plan.title}
        year={detail.year}
        finalized={conclusion?.round ?? null}
      />
      <h1>
        {ind.seq}. {ind.name}
      </h1>
      <p className="tags">
        <span className="tag">{ind.category}</span>
        <span className={`tag tag-${ind.attribute}`}>{words.attribute(ind.attribute)}</span>
        <span className="tag">{words.form(row.form)}</span>
        {unit && <span className="tag">{unit}</span>}
        <span className="tag">
          {t('scorecard.warnings.department')}：{ind.leadDepartment ?? t('scorecard.noDepartment')}
        </span>
        {detail.demo && <span className="demo-tag">{t('scorecard.demo')}</span>}
      </p>
      {conclusion && <Conclusion detail={detail} conclusion={conclusion} />}
      <section className="card" aria-labelledby="facts-title">
        <h2 id="facts-title">
          {t('indicator.facts')} · {t('scorecard.yearOption', { year: detail.year })}
          {conclusion && ` · ${t('indicator.facts.live')}`}
        </h2>
        <p>
          <StatusBadge status={row.status} phase={row.phase} />{' '}
          <span>{locale === 'en' ? row.reason.en : row.reason.zh}</span>
        </p>
        <dl className="facts facts-grid">
          <div>
            <dt>{t('indicator.baseline')}</dt>
            <dd>{value(row.baseline)}</dd>
          </div>
          <div>
            <dt>{t('indicator.target')}</dt>
            <dd>
              {row.targetText ?? '—'}
              {ind.target.form === 'assigned' &&
                row.target !== null &&
                row.latestYear !== null &&
                `；${t('scorecard.assignedTarget', { year: row.latestYear, value: value(row.target) })}`}
              {row.band && ` (${bandText(row.band, t, locale)})`}
            </dd>
          </div>
          {row.revision && (
            <div className="fact-wide">
              <dt>{t('indicator.revision')}</dt>
              <dd>
                {t('indicator.revisionDetail', {
                  note: noteText(row.revision, locale),
                  document: row.revision.document,
                })}
                {row.revision.reason && (
                  <span className="muted small block">
                    {t('indicator.revisionReason', { reason: row.revision.reason })}
                  </span>
                )}
              </dd>
            </div>
          )}
          <div>
            <dt>{t('indicator.latest')}</dt>
            <dd>
              {row.latestValue === null
                ? t('scorecard.noValue')
                : t('scorecard.valueInYear', {
                    value: value(row.latestValue),
                    year: row.latestYear ?? '',
                  })}
            </dd>
          </div>
          {row.completion !== null && (
            <div>
              <dt>{t('indicator.completion')}</dt>
              <dd>{pct(row.completion)}</dd>
            </div>
          )}
          {row.timeProgress !== null && (
            <div>
              <dt>{t('indicator.timeProgress')}</dt>
              <dd>{pct(row.timeProgress)}</dd>
            </div>
          )}
          {row.averageRate !== null && (
            <div>
              <dt>{t('indicator.average')}</dt>
              <dd>{num(row.averageRate, locale)}%</dd>
            </div>
          )}
          {row.projection !== null && (
            <div>
              <dt>{t('indicator.projection')}</dt>
              <dd>
                <Outlook row={row} />
                {row.projectedValue !== null && (
                  <span className="muted small">
                    {t('indicator.projected', { year: detail.plan.targetYear })}{' '}
                    {value(row.projectedValue)}
                  </span>
                )}
              </dd>
            </div>
          )}
          {detail.linked && (
            <div>
              <dt>{words.form('linked')}</dt>
              <dd>{t('indicator.linked', detail.linked)}</dd>
            </div>
          )}
        </dl>
      </section>
      {period && (
        <LeadDepartment
          district={detail.district.code}
          period={period}
          seq={ind.seq}
          department={ind.leadDepartment}
        />
      )}
      {period && (
        <TargetRevisions
          district={detail.district.code}
          period={period}
          indicator={ind}
          plan={detail.plan}
          year={detail.year}
        />
      )}
      <section className="card" aria-labelledby="chart-title">
        <h2 id="chart-title">{t('indicator.chart')}</h2>
        <IndicatorChart detail={detail} />
      </section>
      <Values detail={detail} />
      <History detail={detail} />
      <PlanSource detail={detail} />
    </article>
  );
}

/** 评估结论: the finalized round's status for this indicator, what was computed, and why. */
function Conclusion({
  detail,
  conclusion,
}: {
  detail: IndicatorDetail;
  conclusion: NonNullable<IndicatorDetail['conclusion']>;
}) {
  const { t, locale } = useI18n();
  const words = useWords();
  const { row, rules, round } = conclusion;
  const final = row.status;
  const computed = conclusion.computed.status;
  const wording = { phase: row.phase, rules };
  const roundName = t(`evaluation.round.${round.kind === 'annual' ? 'title' : round.kind}`, {
    year: round.year,
    id: round.id,
  });
  const unit = detail.indicator.unit;
  return (
    <section className="card conclusion" aria-labelledby="conclusion-title">
      <h2 id="conclusion-title">{t('indicator.conclusion.title', { year: round.year })}</h2>
      <p className="muted small">
        {t('indicator.conclusion.meta', {
          round: roundName,
          date: when(round.finalizedAt, locale),
          by: round.finalizedBy ?? '—',
        })}
      </p>
      <p className="conclusion-line">
        <span>
          {t('indicator.conclusion.status')}：<StatusBadge status={final} {...wording} />
        </span>
        {conclusion.decision === 'overridden' && (
          <span>
            {t('indicator.conclusion.computed')}：
            <StatusBadge status={computed} phase={conclusion.computed.phase} rules={rules} />
          </span>
        )}
        <span>
          {t('indicator.conclusion.latest')}：
          {row.latestValue === null
            ? t('scorecard.noValue')
            : t('scorecard.valueInYear', {
                value: `${num(row.latestValue, locale)}${unit}`,
                year: row.latestYear ?? '',
              })}
        </span>
      </p>
      <p>
        {conclusion.decision === 'overridden'
          ? t('indicator.conclusion.overridden', {
              computed: words.status(computed, { phase: conclusion.computed.phase, rules }),
              final: words.status(final, wording),
            })
          : conclusion.decision === 'confirmed'
            ? t('indicator.conclusion.confirmed')
            : t('indicator.conclusion.unreviewed')}
      </p>
      <dl className="facts">
        {conclusion.reason && (
          <div>
            <dt>{t('indicator.conclusion.reason')}</dt>
            <dd>{conclusion.reason}</dd>
          </div>
        )}
        {conclusion.comment && (
          <div>
            <dt>{t('indicator.conclusion.comment')}</dt>
            <dd>{conclusion.comment}</dd>
          </div>
        )}
        {conclusion.reviewedBy && (
          <div>
            <dt>{t('indicator.conclusion.reviewer')}</dt>
            <dd>
              {conclusion.reviewedBy} · {when(conclusion.reviewedAt, locale)}
            </dd>
          </div>
        )}
      </dl>
      {/* The data changed since finalizing: today's figures grade otherwise than the round did. */}
      {detail.row.status !== computed && (
        <p className="muted small">
          {t('indicator.conclusion.differs', {
            live: words.status(detail.row.status, { phase: detail.row.phase }),
            computed: words.status(computed, { phase: conclusion.computed.phase, rules }),
          })}
        </p>
      )}
    </section>
  );
}

function Values({ detail }: { detail: IndicatorDetail }) {
  const { t, locale } = useI18n();
  const words = useWords();
  return (
    <section className="card" aria-labelledby="values-title">
      <h2 id="values-title">{t('indicator.values')}</h2>
      {detail.values.length === 0 ? (
        <p className="muted">{t('indicator.values.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('indicator.col.year')}</th>
                <th scope="col">{t('indicator.col.kind')}</th>
                <th scope="col" className="num">
                  {t('indicator.col.value')}
                </th>
                <th scope="col">{t('indicator.col.state')}</th>
                <th scope="col">{t('indicator.col.source')}</th>
                <th scope="col">{t('indicator.col.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {detail.values.map((v) => (
                <tr key={`${v.year}-${v.kind}`}>
                  <td>{v.year}</td>
                  <td>{t(`indicator.kind.${v.kind}`)}</td>
                  <td className="num">{num(v.value, locale)}</td>
                  <td>{words.valueState(v.state)}</td>
                  <td>
                    {v.demo ? (
                      <span className="demo-tag">{t('scorecard.demo')}</span>
                    ) : (
                      (v.source ?? t('indicator.source.entry'))
                    )}
                  </td>
                  <td>
                    {v.updatedBy} · {when(v.updatedAt, locale)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function History({ detail }: { detail: IndicatorDetail }) {
  const { t, locale } = useI18n();
  const words = useWords();
  // The history's states are stored as the figure's (core's ValueState); a first entry has none.
  const state = (s: string | null) => (s === null ? '—' : words.valueState(s as ValueState));
  return (
    <section className="card" aria-labelledby="history-title">
      <h2 id="history-title">{t('indicator.history')}</h2>
      {detail.history.length === 0 ? (
        <p className="muted">{t('indicator.history.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('indicator.col.when')}</th>
                <th scope="col">{t('indicator.col.year')}</th>
                <th scope="col">{t('indicator.col.change')}</th>
                <th scope="col">{t('indicator.col.reason')}</th>
                <th scope="col">{t('indicator.col.by')}</th>
              </tr>
            </thead>
            <tbody>
              {detail.history.map((h) => (
                <tr key={`${h.year}-${h.kind}-${h.version}-${String(h.changedAt)}`}>
                  <td>{when(h.changedAt, locale, true)}</td>
                  <td>
                    {h.year} · {t(`indicator.kind.${h.kind}`)}
                  </td>
                  <td>
                    {num(h.oldValue, locale)} → {num(h.newValue, locale)}（{state(h.oldState)} →{' '}
                    {state(h.newState)}）
                  </td>
                  <td>{h.reason === 'demo' ? t('scorecard.demo') : (h.reason ?? '—')}</td>
                  <td>{h.changedBy}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function PlanSource({ detail }: { detail: IndicatorDetail }) {
  const { t, locale } = useI18n();
  const { source, raw } = detail.indicator;
  const kind = t(source.kind === 'table' ? 'indicator.plan.table' : 'indicator.plan.text');
  // The plan by its title; the stored file name (often an archive id) only on hover.
  const document = `《${detail.plan.title}》`;
  // A dash is how the printed table leaves a cell empty.
  const cells = (['baseline', 'target', 'rate', 'attribute'] as const).filter(
    (c) => !/^[\s\-—–]*$/.test(raw[c] ?? ''),
  );
  return (
    <section className="card" aria-labelledby="plan-title">
      <h2 id="plan-title">{t('indicator.plan')}</h2>
      <p className="muted" title={source.document}>
        {source.line === null
          ? t('indicator.plan.documentNoLine', { document, kind })
          : t('indicator.plan.document', { document, line: source.line, kind })}
      </p>
      {source.quote ? (
        <blockquote className="quote">{plainLine(source.quote)}</blockquote>
      ) : (
        <p className="muted">{t('indicator.plan.noQuote')}</p>
      )}
      {cells.length > 0 && (
        <dl className="facts">
          {cells.map((c) => (
            <div key={c}>
              <dt>{t(`indicator.raw.${c}`)}</dt>
              <dd>
                {raw[c]}
                {raw.merged?.includes(c) && ` ${t('indicator.raw.merged')}`}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {raw.reading && (
        <p className="reading-note">
          <strong>{t('indicator.raw.reading')}</strong>
          {readerMessage(raw.reading, locale === 'en' ? 'en' : 'zh')}
        </p>
      )}
    </section>
  );
}
