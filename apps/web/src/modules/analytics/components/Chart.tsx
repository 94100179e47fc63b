import type { EChartsOption } from 'echarts';
import { BarChart, FunnelChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';

// Tree-shaken ECharts (ARCHITECTURE: only the charts and components used; the esm build of
// echarts-for-react — its lib/ build crashed in production).
echarts.use([
  BarChart,
  LineChart,
  FunnelChart,
  PieChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  CanvasRenderer,
]);

export interface ChartClick {
  /** The category (x-axis value / slice name) clicked. */
  name: string;
  seriesName?: string;
  dataIndex: number;
  /** The data item's own `id`, when the series sets one. */
  id?: string;
}

export interface ChartProps {
  option: EChartsOption;
  height?: number;
  testId: string;
  onClick?: (e: ChartClick) => void;
}

/** One chart; a click on an element reports its category so the page can drill down. */
export function Chart({ option, height = 280, testId, onClick }: ChartProps) {
  return (
    <div data-testid={testId} style={{ width: '100%', minWidth: 0 }}>
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        style={{ height, width: '100%' }}
        onEvents={
          onClick
            ? {
                click: (e: { name: string; seriesName?: string; dataIndex: number; data?: { id?: string } }) =>
                  onClick({ name: e.name, seriesName: e.seriesName, dataIndex: e.dataIndex, id: e.data?.id }),
              }
            : undefined
        }
      />
    </div>
  );
}
