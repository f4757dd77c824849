/** Messages of the scorecard feature (简体中文 first; English must have the same keys). */
export const scorecardZh = {} as const;

export const scorecardEn: Record<keyof typeof scorecardZh, string> = {};
