/** Messages of the entry feature (简体中文 first; English must have the same keys). */
export const entryZh = {} as const;

export const entryEn: Record<keyof typeof entryZh, string> = {};
