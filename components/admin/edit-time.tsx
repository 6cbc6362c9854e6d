import { formatEditTime } from '@/lib/format';

export function EditTime({ at }: { at: string }) {
  return <time dateTime={at}>{formatEditTime(at)}</time>;
}
