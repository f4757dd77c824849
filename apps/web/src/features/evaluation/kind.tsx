import { roundKindWords, type PlanPeriod, type RoundKind } from '@pm/core';
import { useI18n } from '../../i18n';
import { langOf } from '../../i18n/words';

/** 中期评估 / 总结评估 / 年度评估, in core's words. */
export function KindText({ kind }: { kind: RoundKind }) {
  const { locale } = useI18n();
  const text = roundKindWords[kind][langOf(locale)];
  return <>{text.charAt(0).toUpperCase() + text.slice(1)}</>;
}

/**
 * The year a new round opens at: the target year (总结评估) once the plan's period is over, its
 * mid-term year (中期评估) before (spec §5).
 */
export const defaultRoundYear = (plan: PlanPeriod, reportingYear: number) =>
  reportingYear >= plan.targetYear ? plan.targetYear : plan.midtermYear;
