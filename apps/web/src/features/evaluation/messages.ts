/** Messages of the evaluation feature (简体中文 first; English must have the same keys). */
export const evaluationZh = {} as const;

export const evaluationEn: Record<keyof typeof evaluationZh, string> = {};
