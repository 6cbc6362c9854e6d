import type { Category } from '@/db/schema';
import { ChoiceField } from './choice-field';

/** The "Category" filter of the public listing and the admin list; empty means all. */
export function CategoryField({ categories, selected }: { categories: Category[]; selected: string | undefined }) {
  const choices = categories.map((category) => ({ value: category.slug, label: category.name }));
  return <ChoiceField id="category" label="Category" emptyLabel="All categories" choices={choices} selected={selected} />;
}
