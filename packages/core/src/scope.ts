/** The roles a user may have: 填报人员, 评估人员, 领导, 管理员. */
export type UserRole = 'official' | 'reviewer' | 'leader' | 'admin';

/** Whom a user of a role sees: listed districts or all, and provinces or cities. */
export interface UserScopeOf<R extends string = UserRole> {
  role: R;
  districts: readonly string[] | 'all';
  regions: readonly string[];
}

/** Only reviewers and leaders are scoped by province or city. */
export const takesRegions = (role: string) => role === 'reviewer' || role === 'leader';

/** What is wrong with a scope for a role (null: nothing): its message key, words and field. */
export function scopeProblem(
  s: UserScopeOf<string>,
): { key: string; message: string; path: 'districts' | 'regions' } | null {
  if (s.districts === 'all' && s.role !== 'leader' && s.role !== 'admin')
    return {
      key: 'users.scope.allRole',
      message: 'only leaders and admins may see all districts',
      path: 'districts',
    };
  if (s.regions.length > 0 && !takesRegions(s.role))
    return {
      key: 'users.scope.regionRole',
      message: 'only reviewers and leaders are scoped by province or city',
      path: 'regions',
    };
  if (s.regions.length > 0 && s.districts === 'all')
    return {
      key: 'users.scope.regionWithAll',
      message: 'all districts include every province and city already',
      path: 'regions',
    };
  if (
    s.districts !== 'all' &&
    s.districts.length === 0 &&
    s.regions.length === 0 &&
    s.role !== 'admin'
  )
    return {
      key: 'users.scope.empty',
      message: 'give at least one district, a province or a city, or all',
      path: 'districts',
    };
  return null;
}

/** Codes as typed in a form or a command: separated by commas (also full-width) or spaces. */
export const codesIn = (text: string | undefined) => (text ?? '').split(/[,，\s]+/).filter(Boolean);
