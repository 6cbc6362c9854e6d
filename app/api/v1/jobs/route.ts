// GET /api/v1/jobs: the /jobs search (open government postings by default), with cursors.
import { readOnlyMethods, withProblemDetails } from '@/lib/api/http';
import { jobListResponse } from '@/lib/api/job-list';

export const GET = withProblemDetails((request: Request) => jobListResponse(request, { path: '/api/v1/jobs' }));

export const { OPTIONS, POST, PUT, PATCH, DELETE } = readOnlyMethods;
