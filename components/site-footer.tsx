export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="container">
        <p>
          Roleboard publishes salary and job statistics for career roles. Figures marked as sample data are
          illustrative.
        </p>
      </div>
    </footer>
  );
}
