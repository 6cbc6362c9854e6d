// A notFound() in the signed-in area (an unknown role or import): inside the admin frame.
import { NotFoundMessage } from '@/components/not-found-message';

export default function AdminNotFound() {
  return <NotFoundMessage next={{ href: '/admin', label: 'All roles' }} />;
}
