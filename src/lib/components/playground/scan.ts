/**
 * A QR reader for the steward's "Scan code" button. The browser's own Barcode Detection API where
 * it has one (Chrome on Android); otherwise the barcode-detector polyfill (ZXing compiled to
 * WebAssembly), imported only here, so it is fetched only when someone taps the button. Its .wasm
 * file is bundled and served by the app itself (no CDN).
 */

export interface QrReader {
	detect(source: ImageBitmapSource): Promise<{ rawValue: string }[]>;
}

interface NativeDetector {
	new (options: { formats: string[] }): QrReader;
	getSupportedFormats?(): Promise<string[]>;
}

let reader: Promise<QrReader> | null = null;

async function makeReader(): Promise<QrReader> {
	const Native = (globalThis as { BarcodeDetector?: NativeDetector }).BarcodeDetector;
	if (Native && (await Native.getSupportedFormats?.())?.includes('qr_code'))
		return new Native({ formats: ['qr_code'] });
	const [{ BarcodeDetector, prepareZXingModule }, { default: wasmUrl }] = await Promise.all([
		import('barcode-detector/ponyfill'),
		import('zxing-wasm/reader/zxing_reader.wasm?url')
	]);
	prepareZXingModule({
		overrides: {
			locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path)
		}
	});
	return new BarcodeDetector({ formats: ['qr_code'] });
}

/** The page's one reader, made on first use. */
export function qrReader(): Promise<QrReader> {
	reader ??= makeReader().catch((e) => {
		reader = null;
		throw e;
	});
	return reader;
}

/** The first QR code's text in an image or a video frame, or null. */
export async function readQr(source: ImageBitmapSource): Promise<string | null> {
	const found = await (await qrReader()).detect(source);
	const text = found.find((f) => f.rawValue.trim())?.rawValue.trim();
	return text ? text.slice(0, 200) : null;
}
