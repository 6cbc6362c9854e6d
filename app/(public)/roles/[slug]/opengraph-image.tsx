// A role's link preview: its title, average salary and salary range. Drawn once per role like the
// page, from the same cached read (tag role:<slug>), so an edit refreshes both; proxy.ts turns
// away made-up slugs before anything is drawn.
import { ImageResponse } from 'next/og';
import { notFound } from 'next/navigation';
import { env } from '@/lib/env';
import { formatPayMean, formatPayPercentile, meanLabel, payOf } from '@/lib/pay';
import { payRangeLabels } from '@/lib/domain/role-fields';
import { brand, loadOgFonts, OgFrame, ogImageSize } from '@/lib/og-image';
import { getRoleOfParams } from '@/lib/server/cached-public-reads';

export const alt = 'The role’s average salary and salary range on Roleboard';
export const size = ogImageSize;
export const contentType = 'image/png';

export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

export default async function RoleOpenGraphImage({ params }: { params: Promise<{ slug: string }> }) {
  const role = await getRoleOfParams(params);
  if (!role) notFound();
  const { stats } = role;
  // Hourly-only occupations by their hourly wages, as on the page.
  const pay = payOf(stats);
  const range = pay.percentiles
    ? `${formatPayPercentile({ ...pay, percentiles: pay.percentiles }, 'p10')} – ${formatPayPercentile({ ...pay, percentiles: pay.percentiles }, 'p90')}`
    : null;
  return new ImageResponse(
    (
      <OgFrame site={env.SITE_URL()}>
        <div style={{ fontSize: 26, color: brand.muted, marginBottom: 8 }}>{role.category.name}</div>
        <div style={{ fontSize: role.title.length > 40 ? 52 : 68, fontWeight: 700, lineHeight: 1.1 }}>{role.title}</div>
        <div style={{ display: 'flex', flexWrap: 'wrap', columnGap: 72, rowGap: 16, marginTop: 36 }}>
          <div style={{ display: 'flex', flexDirection: 'column' }}>
            <div style={{ fontSize: 26, color: brand.muted }}>{meanLabel[pay.unit]}</div>
            <div style={{ fontSize: 56, fontWeight: 700 }}>{formatPayMean(pay)}</div>
          </div>
          {range && (
            <div style={{ display: 'flex', flexDirection: 'column' }}>
              <div style={{ fontSize: 26, color: brand.muted }}>{payRangeLabels.tenthToNinetieth}</div>
              <div style={{ fontSize: 56, fontWeight: 700 }}>{range}</div>
            </div>
          )}
        </div>
      </OgFrame>
    ),
    { ...size, fonts: await loadOgFonts() },
  );
}
