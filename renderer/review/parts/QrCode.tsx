import QRCode from 'qrcode';
import { useMemo } from 'react';

/**
 * A QR code drawn as SVG squares from the `qrcode` library's module matrix: no canvas, no data URL, no
 * injected markup, so the dashboard's CSP stays as strict as it is. A quiet zone of four modules around it.
 */
export function QrCode({ text, label, size }: { text: string; label: string; size: string }) {
  const { count, cells } = useMemo(() => {
    const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
    const dark: string[] = [];
    for (let row = 0; row < modules.size; row++) {
      for (let col = 0; col < modules.size; col++) {
        if (modules.get(row, col)) dark.push(`M${col + 4} ${row + 4}h1v1h-1z`);
      }
    }
    return { count: modules.size + 8, cells: dark.join('') };
  }, [text]);
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${count} ${count}`}
      width={size}
      height={size}
      shapeRendering="crispEdges"
      data-qr-text={text}
    >
      <rect width={count} height={count} fill="#fff" />
      <path d={cells} fill="#000" />
    </svg>
  );
}
