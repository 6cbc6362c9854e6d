// GET /jobs/feed.json: the newest postings of any /jobs search (the same query parameters).
import { readOnlyMethods, withProblemDetails } from '@/lib/api/http';
import { jobFeedResponse } from '@/lib/api/job-feeds';

export const GET = withProblemDetails((request: Request) => jobFeedResponse(request, { format: 'json' }));

export const { OPTIONS, POST, PUT, PATCH, DELETE } = readOnlyMethods;
