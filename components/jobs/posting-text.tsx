// A posting's own text, which comes from its publisher: rendered as text only (React escapes it),
// its blank lines as paragraphs, its bullets and numbered lines as lists, its line breaks kept,
// and the posting form's two marks, **bold** and [links](https://…): links only to web addresses,
// marked as the publisher's, not ours (rel="nofollow ugc noopener").
import { toInlineParts, toTextBlocks } from '@/lib/jobs/posting-display';

function Inline({ text }: { text: string }) {
  return toInlineParts(text).map((part, index) =>
    part.kind === 'bold' ? (
      <strong key={index}>{part.text}</strong>
    ) : part.kind === 'link' ? (
      <a key={index} href={part.href} rel="nofollow ugc noopener">
        {part.text}
      </a>
    ) : (
      part.text
    ),
  );
}

export function PostingText({ text }: { text: string | null }) {
  return toTextBlocks(text).map((block, index) =>
    block.kind === 'list' ? (
      <ul key={index}>
        {block.items.map((item, itemIndex) => (
          <li key={itemIndex}>
            <Inline text={item} />
          </li>
        ))}
      </ul>
    ) : (
      <p key={index} className="posting-text__paragraph">
        <Inline text={block.text} />
      </p>
    ),
  );
}
