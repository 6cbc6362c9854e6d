// GET /roles/{slug}/jobs/feed.json: the role's newest postings, with /jobs's other parameters.
import { readOnlyMethods } from '@/lib/api/http';
import { roleJobFeedHandler } from '@/lib/api/job-feeds';

export const GET = roleJobFeedHandler('json');

export const { OPTIONS, POST, PUT, PATCH, DELETE } = readOnlyMethods;
