// A posting's status, in words its employer reads.
import type { EmployerPostingView } from '@/db/employer-postings';

export const postingStatusLabels: Record<EmployerPostingView['status'], string> = {
  draft: 'Draft',
  pending: 'Waiting for review',
  published: 'Published',
  closed: 'Closed',
  'taken-down': 'Taken down',
};

export function PostingStatus({ status }: { status: EmployerPostingView['status'] }) {
  return <span className={`badge badge--${status}`}>{postingStatusLabels[status]}</span>;
}
