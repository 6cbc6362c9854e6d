'use client';
// "Copy link": copies the page's address. A progressive enhancement: without JavaScript (or a
// clipboard) there is no button, and the address stays selectable in the field beside it.
import { useState, useSyncExternalStore } from 'react';

const noSubscription = () => () => {};

export function CopyLinkButton({ url }: { url: string }) {
  const canCopy = useSyncExternalStore(noSubscription, () => Boolean(navigator.clipboard), () => false);
  const [status, setStatus] = useState('');
  if (!canCopy) return null;
  return (
    <>
      <button
        type="button"
        className="button-secondary"
        onClick={() =>
          navigator.clipboard.writeText(url).then(
            () => setStatus('Link copied'),
            () => setStatus('Could not copy: select the address and copy it'),
          )
        }
      >
        Copy link
      </button>
      <span role="status" className="share__status">
        {status}
      </span>
    </>
  );
}
