import { toParagraphs } from '@/lib/salary-template';

export function Paragraphs({ text }: { text: string | null }) {
  return toParagraphs(text).map((paragraph, index) => <p key={index}>{paragraph}</p>);
}
