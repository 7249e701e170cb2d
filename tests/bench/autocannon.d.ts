// The few parts of autocannon's API the benchmark uses (the package ships no types).
declare module 'autocannon' {
	namespace autocannon {
		interface RawRequest {
			method?: string;
			path?: string;
			headers?: Record<string, string>;
			body?: string;
		}
		interface Options {
			url: string;
			connections?: number;
			duration?: number;
			headers?: Record<string, string>;
			requests?: (RawRequest & { setupRequest?: (req: RawRequest) => RawRequest })[];
		}
		interface Histogram {
			average: number;
			p50: number;
			p99: number;
		}
		interface Result {
			requests: Histogram & { total: number };
			latency: Histogram;
			errors: number;
			timeouts: number;
			non2xx: number;
			'2xx': number;
			statusCodeStats: Record<string, { count: number }>;
		}
	}
	function autocannon(options: autocannon.Options): Promise<autocannon.Result>;
	export default autocannon;
}
