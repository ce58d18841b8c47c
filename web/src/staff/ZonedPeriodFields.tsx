import { DatePicker, Form, Space } from 'antd';
import type { Dayjs } from 'dayjs';

/** How a date-time is typed and shown in the staff forms (in the cycle's zone: see zoned.ts). */
export const SHOWN = 'YYYY-MM-DD HH:mm';

interface PeriodField {
  name: string;
  label: string;
  /** The picker's id (the label points at it; the browser tests pick dates by it). */
  id: string;
}

/**
 * A start and an end date-time in one time zone (a cycle's opening and deadline, a round's opening
 * and closing): both pickers, "in zone …" under each, and the end checked to come after the start.
 */
export function ZonedPeriodFields(props: {
  start: PeriodField;
  end: PeriodField;
  /** "Times in Beijing time", say: shown under both. */
  zoneHelp: string;
  required: boolean;
  requiredMessage: string;
  /** Shown when the end is not after the start. */
  orderMessage: string;
  size?: 'large' | [number, number];
}) {
  const { start, end, zoneHelp, required, requiredMessage, orderMessage } = props;
  const picker = (id: string) => <DatePicker id={id} showTime={{ format: 'HH:mm' }} format={SHOWN} style={{ width: 220 }} />;
  return (
    <Space wrap align="start" size={props.size ?? 'large'}>
      <Form.Item name={start.name} label={start.label} htmlFor={start.id} extra={zoneHelp} rules={[{ required, message: requiredMessage }]}>
        {picker(start.id)}
      </Form.Item>
      <Form.Item
        name={end.name}
        label={end.label}
        htmlFor={end.id}
        extra={zoneHelp}
        dependencies={[start.name]}
        rules={[
          { required, message: requiredMessage },
          ({ getFieldValue }) => ({
            validator: (_, v?: Dayjs) =>
              !v || !getFieldValue(start.name) || v.isAfter(getFieldValue(start.name))
                ? Promise.resolve()
                : Promise.reject(new Error(orderMessage)),
          }),
        ]}
      >
        {picker(end.id)}
      </Form.Item>
    </Space>
  );
}
