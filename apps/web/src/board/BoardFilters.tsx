import { Button, Checkbox, Form, Input, Select } from 'antd';
import { planStatusLabel } from '../common/status';
import { type BoardView, LEVELS, STATUSES } from './board-params';
import { useCampaigns, useClusters } from './queries';
import { boardStrings as s, levelLabel } from './strings';

interface Props {
  view: BoardView;
  isAdmin: boolean;
  /** cluster codes seen on the board, for people who may not list the district's clusters */
  seenClusters: string[];
  onChange: (change: Partial<BoardView>) => void;
}

/** The board's filters; every change goes to the address (the page reads it back). */
export function BoardFilters({ view, isAdmin, seenClusters, onChange }: Props) {
  const campaigns = useCampaigns();
  const clusters = useClusters(isAdmin);
  const clusterOptions = clusters.data
    ? clusters.data.items.map((c) => ({ value: c.code, label: c.name }))
    : [...new Set([...seenClusters, ...view.cluster])]
        .sort()
        .map((code) => ({ value: code, label: s.clusterName(code) }));
  const filtered =
    view.campaignId ||
    view.level.length ||
    view.cluster.length ||
    view.status.length ||
    view.waitingOn ||
    view.paperCopies ||
    view.overdue ||
    view.q;

  return (
    <Form layout="vertical" className="board-filters" aria-label={s.filters} role="search">
      <Form.Item label={s.campaign} htmlFor="board-campaign">
        <Select
          id="board-campaign"
          allowClear
          placeholder={s.allCampaigns}
          value={view.campaignId}
          onChange={(campaignId?: string) => onChange({ campaignId })}
          loading={campaigns.isPending}
          options={(campaigns.data ?? []).map((c) => ({ value: c.id, label: `${c.documentNumber}: ${c.title}` }))}
          popupMatchSelectWidth={false}
        />
      </Form.Item>
      <ListFilter
        id="board-level"
        label={s.level}
        placeholder={s.anyLevel}
        value={view.level}
        options={LEVELS.map((l) => ({ value: l, label: levelLabel[l] }))}
        onChange={(level) => onChange({ level })}
      />
      <ListFilter
        id="board-cluster"
        label={s.cluster}
        placeholder={s.anyCluster}
        value={view.cluster}
        options={clusterOptions}
        onChange={(cluster) => onChange({ cluster })}
      />
      <ListFilter
        id="board-status"
        label={s.status}
        placeholder={s.anyStatus}
        value={view.status}
        options={STATUSES.map((st) => ({ value: st, label: planStatusLabel(st) }))}
        onChange={(status) => onChange({ status })}
      />
      <Form.Item label={s.waitingOn} htmlFor="board-waiting">
        <Select
          id="board-waiting"
          value={view.waitingOn ?? ''}
          onChange={(w: string) => onChange({ waitingOn: w === 'SCHOOL' || w === 'OFFICE' ? w : undefined })}
          options={[
            { value: '', label: s.waitingAny },
            { value: 'SCHOOL', label: s.waitingSchool },
            { value: 'OFFICE', label: s.waitingOffice },
          ]}
        />
      </Form.Item>
      <Form.Item label={s.paperFilter} htmlFor="board-paper">
        <Select
          id="board-paper"
          value={view.paperCopies ?? ''}
          onChange={(p: string) => onChange({ paperCopies: p === 'MISSING' || p === 'COMPLETE' ? p : undefined })}
          options={[
            { value: '', label: s.paperAny },
            { value: 'MISSING', label: s.paperMissing },
            { value: 'COMPLETE', label: s.paperComplete },
          ]}
          popupMatchSelectWidth={false}
        />
      </Form.Item>
      <Form.Item label={s.search} htmlFor="board-q" className="board-search">
        <Input.Search
          id="board-q"
          key={view.q ?? ''}
          defaultValue={view.q}
          placeholder={s.searchPlaceholder}
          allowClear
          enterButton={s.search}
          onSearch={(q) => onChange({ q: q.trim() || undefined })}
          maxLength={100}
        />
      </Form.Item>
      <div className="board-filter-end">
        <Checkbox checked={view.overdue} onChange={(e) => onChange({ overdue: e.target.checked })}>
          {s.overdueOnly}
        </Checkbox>
        {filtered && (
          <Button
            type="link"
            onClick={() =>
              onChange({
                campaignId: undefined,
                level: [],
                cluster: [],
                status: [],
                waitingOn: undefined,
                paperCopies: undefined,
                overdue: false,
                q: undefined,
              })
            }
          >
            {s.clear}
          </Button>
        )}
      </div>
    </Form>
  );
}

interface ListFilterProps<T extends string> {
  id: string;
  label: string;
  placeholder: string;
  value: T[];
  options: { value: T; label: string }[];
  onChange: (value: T[]) => void;
}

/** A filter of several values (levels, clusters, states): empty means any. */
function ListFilter<T extends string>({ id, label, placeholder, value, options, onChange }: ListFilterProps<T>) {
  return (
    <Form.Item label={label} htmlFor={id}>
      <Select<T[]>
        id={id}
        mode="multiple"
        allowClear
        placeholder={placeholder}
        value={value}
        onChange={onChange}
        options={options}
        maxTagCount="responsive"
      />
    </Form.Item>
  );
}
