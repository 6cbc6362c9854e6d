// A notFound() in a public page: the public layout already gives the header, main and footer.
import { NotFoundMessage } from '@/components/not-found-message';

export default function PublicNotFound() {
  return <NotFoundMessage />;
}
