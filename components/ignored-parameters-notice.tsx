// The notice for query parameters a page could not understand: they are dropped, so a bad link
// still shows a page, and named, so the reader knows the view is not all the link asked for.
export function IgnoredParametersNotice({ what, names }: { what: "filters" | "of the link's settings"; names: string[] }) {
  if (names.length === 0) return null;
  return (
    <p className="notice" role="status">
      Some {what} were not valid and were ignored: {names.join(', ')}.
    </p>
  );
}
