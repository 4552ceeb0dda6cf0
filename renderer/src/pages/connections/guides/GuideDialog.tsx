import { useId, type ReactElement } from 'react';
import { Button, Icon, Modal } from '../../../components';
import type { GuideBlock, GuideSection, SetupGuide } from '../../../../../shared/setup-guides';
import { CopyValue } from './CopyValue';
import { InlineText } from './InlineText';
import './guides.css';

function Block({ block }: { block: GuideBlock }): ReactElement {
  switch (block.kind) {
    case 'text':
      return (
        <p>
          <InlineText text={block.text} />
        </p>
      );
    case 'list':
      return (
        <ul className="guide-list">
          {block.items.map((item, i) => (
            <li key={i}>
              <InlineText text={item} />
            </li>
          ))}
        </ul>
      );
    case 'values':
      return (
        <div className="guide-values">
          {block.items.map((v) => (
            <CopyValue key={v.value} {...v} />
          ))}
        </div>
      );
    case 'note':
      return (
        <p className={`guide-note guide-note-${block.tone}`}>
          <Icon name={block.tone === 'warning' ? 'alert' : 'info'} size={16} label={block.tone === 'warning' ? 'Warning' : 'Note'} />
          <span>
            <InlineText text={block.text} />
          </span>
        </p>
      );
  }
}

function Section({ section }: { section: GuideSection }): ReactElement {
  const id = useId();
  return (
    <section className="guide-section" aria-labelledby={id}>
      <h3 id={id}>{section.title}</h3>
      {section.intro && (
        <p>
          <InlineText text={section.intro} />
        </p>
      )}
      <ol className="guide-steps">
        {section.steps.map((step) => (
          <li key={step.title} className="guide-step">
            <div className="guide-step-body">
              <h4>{step.title}</h4>
              {step.blocks.map((b, i) => (
                <Block key={i} block={b} />
              ))}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** A setup guide in a dialog: numbered steps, exact values with copy buttons. */
export function GuideDialog({ guide, onClose }: { guide: SetupGuide; onClose: () => void }): ReactElement {
  return (
    <Modal open wide title={guide.title} onClose={onClose} footer={<Button onClick={onClose}>Close</Button>}>
      <div className="guide-body" tabIndex={0} role="region" aria-label="Steps">
        <p className="guide-summary">
          <InlineText text={guide.summary} />
        </p>
        {guide.sections.map((s) => (
          <Section key={s.title} section={s} />
        ))}
        <p className="muted guide-doc">
          Also in the project’s documentation: <code>{guide.docFile}</code>
        </p>
      </div>
    </Modal>
  );
}
