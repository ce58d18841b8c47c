/**
 * The dashboard's charts (@ant-design/plots), in a chunk of their own: loaded only when a
 * dashboard is shown, so neither the applicant pages nor the rest of the staff console carry them.
 * Each chart is a picture of numbers the page also prints (tables beside them), so it is hidden
 * from assistive technology behind a name.
 */
import { Bar, Column, Pie } from '@ant-design/plots';

export interface Datum {
  label: string;
  value: number;
}

const BASE = { height: 240, autoFit: true, animate: false } as const;

export function ColumnChart({ data, name }: { data: Datum[]; name: string }) {
  return (
    <div role="img" aria-label={name}>
      <Column
        {...BASE}
        data={data}
        xField="label"
        yField="value"
        label={{ text: 'value', position: 'inside' }}
        axis={{ y: { title: false } }}
      />
    </div>
  );
}

export function BarChart({ data, name }: { data: Datum[]; name: string }) {
  return (
    <div role="img" aria-label={name}>
      <Bar {...BASE} data={data} xField="label" yField="value" label={{ text: 'value' }} />
    </div>
  );
}

export function PieChart({ data, name }: { data: Datum[]; name: string }) {
  return (
    <div role="img" aria-label={name}>
      <Pie {...BASE} data={data} angleField="value" colorField="label" innerRadius={0.55} legend={{ color: { position: 'bottom' } }} />
    </div>
  );
}
