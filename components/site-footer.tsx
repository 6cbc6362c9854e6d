import Link from 'next/link';

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="container">
        <p>
          Roleboard publishes salary and job statistics for career roles. Figures of U.S. occupations are from the U.S.
          Bureau of Labor Statistics; task statements from O*NET 29.2 and job titles from O*NET 29.3 (USDOL/ETA, CC BY 4.0,
          titles modified); job postings from USAJOBS and NYC Open Data.{' '}
          <Link href="/developers#sources">Sources and attribution</Link>
        </p>
      </div>
    </footer>
  );
}
