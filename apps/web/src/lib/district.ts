import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { useTRPC } from './trpc';

const STORAGE_KEY = 'pm.district';

/** The district in the URL, if any. */
export function useDistrictCode(): string | undefined {
  return useParams().code;
}

export function rememberDistrict(code: string) {
  globalThis.localStorage?.setItem(STORAGE_KEY, code);
}

export function rememberedDistrict(): string | null {
  return globalThis.localStorage?.getItem(STORAGE_KEY) ?? null;
}

export function useDistricts() {
  const trpc = useTRPC();
  return useQuery(trpc.districts.list.queryOptions());
}

export function useDistrict(code: string) {
  const trpc = useTRPC();
  return useQuery(trpc.districts.get.queryOptions({ district: code }, { retry: false }));
}

/** "河北省 石家庄市", without repeating a city that is its own province (天津市). */
export function place(d: { city: string; province: string }): string {
  return d.city === d.province ? d.city : `${d.province} ${d.city}`;
}
