// Posting text arrives as plain text (CSV files) or as HTML (schema.org JobPosting descriptions
// usually are). Nothing is stored as markup: HTML becomes plain text with its paragraphs, line
// breaks and list items kept as line breaks ("• " before each item), links as their words only
// (their targets are dropped, so no javascript: link can survive), and scripts, styles and images
// gone. The parsing is html-to-text's (htmlparser2); this module only chooses what to keep.
import { convert, type HtmlToTextOptions } from 'html-to-text';

const looksLikeHtml = /<\/?[a-z][a-z0-9]*[\s/>]|&(?:[a-z]+|#[0-9]+|#x[0-9a-f]+);/i;

const options: HtmlToTextOptions = {
  wordwrap: false,
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    { selector: 'ul', options: { itemPrefix: '• ' } },
    { selector: 'h1', options: { uppercase: false } },
    { selector: 'h2', options: { uppercase: false } },
    { selector: 'h3', options: { uppercase: false } },
    { selector: 'h4', options: { uppercase: false } },
    { selector: 'h5', options: { uppercase: false } },
    { selector: 'h6', options: { uppercase: false } },
    { selector: 'table', format: 'dataTable' },
  ],
};

/** Text as plain text: HTML converted (see above), line endings as "\n", at most one blank line in a row. */
export function toPlainText(text: string) {
  const plain = looksLikeHtml.test(text) ? convert(text, options) : text;
  return plain
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
