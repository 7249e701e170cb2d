import QRCode from 'qrcode';

export interface QrSvg {
	/** Side length in modules, including a 4-module quiet zone. */
	size: number;
	/** One SVG path covering every dark module. */
	path: string;
}

/** A QR code as an SVG path built here from the module matrix (no markup from the library). */
export function qrPath(text: string): QrSvg {
	const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
	const n = qr.modules.size;
	const quiet = 4;
	let path = '';
	for (let y = 0; y < n; y++) {
		for (let x = 0; x < n; x++) {
			if (qr.modules.get(y, x)) path += `M${x + quiet} ${y + quiet}h1v1h-1z`;
		}
	}
	return { size: n + quiet * 2, path };
}
