// GET /api/v1/areas/{state}/roles: a state's occupations, with /api/v1/roles's parameters and
// cursors; the state is the path's (a postal code or slug), so `state` is not a parameter here.
import { problemResponse, readOnlyMethods, withProblemDetails } from '@/lib/api/http';
import { roleListResponse } from '@/lib/api/role-list';
import { stateParam } from '@/lib/api/schemas';

type Context = { params: Promise<{ state: string }> };

export const GET = withProblemDetails(async (request: Request, { params }: Context) => {
  const state = stateParam.safeParse((await params).state);
  if (!state.success) return problemResponse(404, 'No U.S. state has this code or name: give a postal code (CA) or a slug (california).');
  const searchParams = new URL(request.url).searchParams;
  if (searchParams.has('state')) {
    return problemResponse(400, 'Invalid query parameters: state.', { invalidParams: [{ name: 'state', reason: 'The state is in the path' }] });
  }
  searchParams.set('state', state.data.slug);
  return roleListResponse(request, searchParams, `/api/v1/areas/${state.data.slug}/roles`);
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = readOnlyMethods;
