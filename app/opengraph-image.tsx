// The preview of every page without one of its own (role pages draw theirs).
import { ImageResponse } from 'next/og';
import { env } from '@/lib/env';
import { brand, loadOgFonts, OgFrame, ogImageSize } from '@/lib/og-image';

export const alt = 'Roleboard: salaries and job statistics for career roles';
export const size = ogImageSize;
export const contentType = 'image/png';

export default async function OpenGraphImage() {
  return new ImageResponse(
    (
      <OgFrame site={env.SITE_URL()}>
        <div style={{ fontSize: 76, fontWeight: 700, lineHeight: 1.1 }}>Job role salaries and statistics</div>
        <div style={{ fontSize: 36, color: brand.muted, marginTop: 24 }}>Average salaries, job openings and how to get into each career.</div>
      </OgFrame>
    ),
    { ...size, fonts: await loadOgFonts() },
  );
}
