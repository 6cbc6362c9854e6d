// The home-screen icon: app/icon.svg's mark on a full square (iOS rounds the corners itself).
import { ImageResponse } from 'next/og';
import { brand, BrandMark } from '@/lib/og-image';

export const size = { width: 180, height: 180 };
export const contentType = 'image/png';

export default function AppleIcon() {
  return new ImageResponse(
    (
      <div style={{ display: 'flex', width: '100%', height: '100%', alignItems: 'center', justifyContent: 'center', background: brand.background }}>
        <BrandMark size={180} />
      </div>
    ),
    size,
  );
}
