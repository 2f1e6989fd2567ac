import type { MaturityTerm } from '../../api';
import { firstFindings } from './firstFindings';

const term = (
  component: MaturityTerm['component'],
  points: number,
): MaturityTerm => ({
  component,
  status: 'assessed',
  integration: points / 20,
  automation: 'enforced',
  automationFactor: 1,
  weight: 20,
  points,
  signals: [],
});

const finding = (entityRef: string, component: MaturityTerm['component']) => ({
  entityRef,
  component,
  message: `${component} of ${entityRef}`,
  next: `fix ${component}`,
});

describe('firstFindings', () => {
  const component = {
    entityRef: 'component:default/a',
    terms: [term('mesh', 18), term('monitoring', 0), term('scaling', 10)],
  };
  const findings = [
    finding('component:default/a', 'mesh'),
    finding('component:default/b', 'monitoring'),
    finding('component:default/a', 'scaling'),
    finding('component:default/a', 'monitoring'),
    finding('component:default/a', 'security'),
  ];

  it("keeps the component's findings, those losing the most points first", () => {
    const { shown, more } = firstFindings(component, findings);
    expect(shown.map(f => f.component)).toEqual([
      'monitoring',
      'scaling',
      'mesh',
    ]);
    expect(shown.every(f => f.entityRef === 'component:default/a')).toBe(true);
    expect(more).toBe(1);
  });

  it('shows all of them when there are few', () => {
    const { shown, more } = firstFindings(component, findings, 10);
    expect(shown).toHaveLength(4);
    expect(shown[3].component).toBe('security');
    expect(more).toBe(0);
  });

  it('shows the same advice once, counting its repeats', () => {
    const repeated = [
      finding('component:default/a', 'monitoring'),
      { ...finding('component:default/a', 'monitoring'), message: 'other' },
      { ...finding('component:default/a', 'monitoring'), message: 'third' },
      finding('component:default/a', 'mesh'),
    ];
    const { shown, more } = firstFindings(component, repeated);
    expect(shown.map(f => [f.component, f.message, f.repeats])).toEqual([
      ['monitoring', 'monitoring of component:default/a', 2],
      ['mesh', 'mesh of component:default/a', 0],
    ]);
    expect(more).toBe(0);
  });
});
