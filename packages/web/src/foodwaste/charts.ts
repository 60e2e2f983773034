// ECharts, only the pieces the food-waste trend uses (a line chart on a time axis, SVG); loaded lazily.
import { init, use, type ComposeOption } from 'echarts/core';
import { LineChart, type LineSeriesOption } from 'echarts/charts';
import { GridComponent, LegendComponent, type GridComponentOption, type LegendComponentOption } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

use([LineChart, GridComponent, LegendComponent, SVGRenderer]);

export type ChartOption = ComposeOption<LineSeriesOption | GridComponentOption | LegendComponentOption>;

export { init };
