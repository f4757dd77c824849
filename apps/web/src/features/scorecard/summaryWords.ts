import type { Translate } from '../../i18n';
import type { WordsOf } from '../../i18n/words';
import { onTrackFloor, onTrackStatuses, warningStatuses, type Grading } from '../../lib/grades';

const wording = (g: Grading) => ({ phase: g.phases, rules: g.rules });

/** "基本符合预期及以上" midway, "基本完成及以上" at the end (spec §5), in the grading's words. */
export function shareOnTrackLabel(grading: Grading, t: Translate, words: WordsOf): string {
  const floors = onTrackFloor(grading).map((f) =>
    words.status(f.status, { phase: f.phase, rules: grading.rules }),
  );
  return t('scorecard.shareOnTrack', { word: floors.join(words.lang === 'zh' ? '／' : ' / ') });
}

/** Which statuses the share on track counts: 提前实现、快于预期和基本符合预期; 完成和基本完成. */
export function shareOnTrackDetail(
  grading: Grading,
  assessed: string,
  t: Translate,
  words: WordsOf,
): string {
  const statuses = words.statusList(onTrackStatuses(grading), wording(grading));
  return t('scorecard.shareOnTrackDetail', { statuses, assessed });
}

/** Which statuses make a binding warning in this view (滞后预期、严重滞后、未完成、无数据). */
export function warningDetail(grading: Grading, t: Translate, words: WordsOf): string {
  return t('scorecard.warningCountDetail', {
    statuses: words.statusList(warningStatuses(grading), wording(grading)),
  });
}
