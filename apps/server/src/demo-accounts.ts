import { hashPassword } from '@pm/api';
import { createUser, type Database, type Role } from '@pm/db';

/** The demo accounts of a new embedded database; the README lists them and says to change them. */
export const DEMO_ACCOUNTS: {
  username: string;
  password: string;
  displayName: string;
  /** 单位: what a reviewer's reports are signed for. */
  unit?: string;
  role: Role;
  districts: string[] | 'all';
}[] = [
  {
    username: 'official',
    password: 'demo-official-pass',
    displayName: '裕华区填报员',
    role: 'official',
    districts: ['130108'],
  },
  {
    username: 'reviewer',
    password: 'demo-reviewer-pass',
    displayName: '裕华区评估员',
    unit: '裕华区发展和改革局',
    role: 'reviewer',
    districts: ['130108'],
  },
  {
    username: 'leader',
    password: 'demo-leader-pass',
    displayName: '领导',
    role: 'leader',
    districts: 'all',
  },
  {
    username: 'admin',
    password: 'demo-admin-pass',
    displayName: '管理员',
    role: 'admin',
    districts: 'all',
  },
];

export async function createDemoAccounts(db: Database): Promise<void> {
  for (const { password, ...account } of DEMO_ACCOUNTS) {
    await createUser(db, { ...account, passwordHash: await hashPassword(password) });
  }
}
