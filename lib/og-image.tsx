// What the site's generated images share: the Open Graph card size, the brand colours and the
// mark of app/icon.svg, and Geist from the geist package (read from disk: no font is fetched).
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export const ogImageSize = { width: 1200, height: 630 };

export const brand = { background: '#1e3a8a', text: '#ffffff', muted: '#bfdbfe', bars: ['#93c5fd', '#bfdbfe', '#ffffff'] };

const fontDirectory = path.join(process.cwd(), 'node_modules/geist/dist/fonts/geist-sans');

export async function loadOgFonts() {
  const [regular, bold] = await Promise.all([readFile(path.join(fontDirectory, 'Geist-Regular.ttf')), readFile(path.join(fontDirectory, 'Geist-Bold.ttf'))]);
  return [
    { name: 'Geist', data: regular, weight: 400 as const, style: 'normal' as const },
    { name: 'Geist', data: bold, weight: 700 as const, style: 'normal' as const },
  ];
}

/** The three rising bars of the icon, at any size. */
export function BrandMark({ size }: { size: number }) {
  const unit = size / 32;
  const bar = (left: number, top: number, height: number, color: string) => (
    <div style={{ position: 'absolute', left: left * unit, top: top * unit, width: 4.5 * unit, height: height * unit, borderRadius: unit, background: color }} />
  );
  return (
    <div style={{ display: 'flex', position: 'relative', width: size, height: size, borderRadius: 7 * unit, background: brand.background }}>
      {bar(7, 17, 8, brand.bars[0]!)}
      {bar(13.75, 12, 13, brand.bars[1]!)}
      {bar(20.5, 7, 18, brand.bars[2]!)}
    </div>
  );
}

/** The card: brand at the top, the page's own content, the site's address at the bottom. */
export function OgFrame({ site, children }: { site: string; children: React.ReactNode }) {
  return (
    <div style={{ display: 'flex', flexDirection: 'column', width: '100%', height: '100%', padding: '56px 72px', background: brand.background, color: brand.text, fontFamily: 'Geist' }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 20 }}>
        <BrandMark size={56} />
        <div style={{ fontSize: 34, fontWeight: 700 }}>Roleboard</div>
      </div>
      <div style={{ display: 'flex', flexDirection: 'column', flexGrow: 1, justifyContent: 'center' }}>{children}</div>
      <div style={{ display: 'flex', fontSize: 26, color: brand.muted }}>{new URL(site).host}</div>
    </div>
  );
}
