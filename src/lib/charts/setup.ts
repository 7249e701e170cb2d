import {
	BarController,
	BarElement,
	CategoryScale,
	Chart,
	Filler,
	Legend,
	LinearScale,
	LineController,
	LineElement,
	PointElement,
	Tooltip
} from 'chart.js';

// Only the parts the app draws (lines and bars), so the lazily loaded chunk stays small.
Chart.register(
	LineController,
	LineElement,
	PointElement,
	BarController,
	BarElement,
	CategoryScale,
	LinearScale,
	Filler,
	Legend,
	Tooltip
);

export { Chart };
