/** The page a signed-in user gets instead of one they may not see; `children` say who may, and where to go. */
export function NoPermission({ children }: { children: React.ReactNode }) {
  return (
    <div className="stack">
      <h1>You do not have permission to see this page</h1>
      {children}
    </div>
  );
}
