// GET /employer/suggestions?title=…: the occupations the posting form suggests as a member types
// the title (JSON, never cached). Members only: the DAL checks the session (proxy.ts sends the
// signed-out to sign in first); any other signed-in user gets a 404,
// so the classifier is not a free service to strangers.
import { AccessDeniedError } from '@/db/access';
import { suggestOccupationsForTitle } from '@/db/employer-postings';
import { getSessionClaims } from '@/lib/server/auth';
import { nameText } from '@/lib/text-rules';

const titleSchema = nameText({ max: 200, required: 'a title' });
const noStore = { 'Cache-Control': 'no-store' };

export async function GET(request: Request) {
  const title = titleSchema.safeParse(new URL(request.url).searchParams.get('title') ?? '');
  try {
    const claims = await getSessionClaims();
    if (!title.success) {
      // Checked first for a member only: a stranger learns nothing, not even what a title may be.
      await suggestOccupationsForTitle(claims, '');
      return Response.json({ suggestions: [] }, { headers: noStore });
    }
    return Response.json({ suggestions: await suggestOccupationsForTitle(claims, title.data) }, { headers: noStore });
  } catch (error) {
    if (error instanceof AccessDeniedError) return new Response('Not found', { status: 404, headers: noStore });
    // A classifier slow to start (its first question after a quiet spell) is no suggestion yet, not an error.
    if (error instanceof Error && /did not answer within/.test(error.message)) return Response.json({ suggestions: [] }, { headers: noStore });
    throw error;
  }
}
