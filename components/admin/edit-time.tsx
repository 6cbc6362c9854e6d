import { formatEditTime } from '@/lib/domain/format';

export function EditTime({ at }: { at: string }) {
  return <time dateTime={at}>{formatEditTime(at)}</time>;
}
