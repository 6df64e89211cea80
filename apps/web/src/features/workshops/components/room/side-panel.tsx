import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useI18n } from '../../../../lib/i18n';

export interface SideTab {
  id: string;
  label: string;
  content: ReactNode;
  /**
   * Stays laid out (inert) under the other panels instead of being hidden: the conversation on a phone,
   * so its scroll position and new messages are kept while People or Q&A is open over it.
   */
  persistent?: boolean;
}

/**
 * The room's side panel: tabs (arrow keys move between them, following the reading direction; Home and
 * End go to the first and last). Every panel stays mounted, so drafts survive switching tabs.
 */
export interface SidePanelProps {
  label: string;
  tabs: readonly SideTab[];
  className?: string;
  /** Told when another tab is shown. */
  onSelect?: (id: string) => void;
}

export function SidePanel({ label, tabs, className, onSelect }: SidePanelProps) {
  const { dir } = useI18n();
  const baseId = useId();
  const [selected, setSelectedState] = useState(tabs[0]?.id ?? '');
  const setSelected = (id: string) => {
    setSelectedState(id);
    onSelect?.(id);
  };
  const active = tabs.some((tab) => tab.id === selected) ? selected : (tabs[0]?.id ?? '');
  const tabId = (id: string) => `${baseId}-tab-${id}`;
  const panelId = (id: string) => `${baseId}-panel-${id}`;

  function handleKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    const index = tabs.findIndex((tab) => tab.id === active);
    const forward = dir === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
    const backward = dir === 'rtl' ? 'ArrowRight' : 'ArrowLeft';
    let next: number | null = null;
    if (event.key === forward) next = (index + 1) % tabs.length;
    else if (event.key === backward) next = (index - 1 + tabs.length) % tabs.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = tabs.length - 1;
    const tab = next === null ? undefined : tabs[next];
    if (!tab) return;
    event.preventDefault();
    setSelected(tab.id);
    document.getElementById(tabId(tab.id))?.focus();
  }

  return (
    // A region, not an <aside>: complementary landmarks belong at the top level, and this one is in <main>.
    <section className={['room-side', className].filter(Boolean).join(' ')} aria-label={label}>
      <div role="tablist" aria-label={label} className="room-side__tabs">
        {tabs.map((tab) => (
          <button
            key={tab.id}
            id={tabId(tab.id)}
            type="button"
            role="tab"
            aria-selected={tab.id === active}
            aria-controls={panelId(tab.id)}
            tabIndex={tab.id === active ? 0 : -1}
            className="room-side__tab"
            onClick={() => setSelected(tab.id)}
            onKeyDown={handleKeyDown}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div className="room-side__panels">
        {tabs.map((tab) => (
          <div
            key={tab.id}
            id={panelId(tab.id)}
            role="tabpanel"
            aria-labelledby={tabId(tab.id)}
            hidden={!tab.persistent && tab.id !== active}
            inert={tab.persistent && tab.id !== active}
            tabIndex={tab.persistent ? undefined : 0}
            className={tab.persistent ? 'room-side__panel room-side__panel--persistent' : 'room-side__panel'}
          >
            {tab.content}
          </div>
        ))}
      </div>
    </section>
  );
}
