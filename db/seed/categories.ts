// The fixed list of role categories; slugs are stable identifiers used in URLs and the API.
export const categories = [
  { slug: 'software-engineering', name: 'Software Engineering' },
  { slug: 'data-and-ai', name: 'Data & AI' },
  { slug: 'infrastructure-and-security', name: 'Infrastructure & Security' },
  { slug: 'design-and-product', name: 'Design & Product' },
  { slug: 'business-and-operations', name: 'Business & Operations' },
  { slug: 'healthcare', name: 'Healthcare' },
] as const;

export type CategorySlug = (typeof categories)[number]['slug'];
