// A posting's own text, which comes from its publisher: rendered as text only (React escapes it),
// its blank lines as paragraphs, its bullets and numbered lines as lists, its line breaks kept.
import { toTextBlocks } from '@/lib/jobs/posting-display';

export function PostingText({ text }: { text: string | null }) {
  return toTextBlocks(text).map((block, index) =>
    block.kind === 'list' ? (
      <ul key={index}>
        {block.items.map((item, itemIndex) => (
          <li key={itemIndex}>{item}</li>
        ))}
      </ul>
    ) : (
      <p key={index} className="posting-text__paragraph">
        {block.text}
      </p>
    ),
  );
}
