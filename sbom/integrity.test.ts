import { describe, expect, it } from 'vitest';
import { bomIntegrityErrors } from './integrity.ts';

const sound = () => ({
  bomFormat: 'CycloneDX',
  metadata: { component: { type: 'application', 'bom-ref': 'app', name: 'app' } },
  components: [
    { type: 'library', 'bom-ref': 'lib', name: 'lib' },
    { type: 'machine-learning-model', 'bom-ref': 'm', name: 'm', modelCard: { modelParameters: { task: 'text-generation' } } },
  ],
  services: [{ 'bom-ref': 'svc', name: 'svc', services: [{ 'bom-ref': 'tool', name: 'tool' }] }],
  dependencies: [{ ref: 'app', dependsOn: ['lib', 'm', 'svc', 'tool'] }, { ref: 'lib' }, { ref: 'm' }, { ref: 'svc' }, { ref: 'tool' }],
  compositions: [{ aggregate: 'unknown', dependencies: ['app'] }],
  annotations: [{ 'bom-ref': 'note', subjects: ['tool'], text: 'x' }],
});

describe('bomIntegrityErrors', () => {
  it('accepts a sound BOM (nested services count as elements)', () => {
    expect(bomIntegrityErrors(sound())).toEqual([]);
  });

  it('reports duplicate bom-refs anywhere', () => {
    const b = sound();
    b.services[0]?.services.push({ 'bom-ref': 'lib', name: 'again' });
    expect(bomIntegrityErrors(b)).toContain('duplicate bom-ref "lib" at $.services[0].services[1]');
  });

  it('reports dangling dependency, composition and annotation refs, and elements missing from the graph', () => {
    const b = sound();
    b.dependencies[0]?.dependsOn?.push('ghost');
    b.dependencies.push({ ref: 'phantom' });
    b.dependencies.splice(1, 1);
    b.compositions[0]?.dependencies.push('gone');
    b.annotations[0]?.subjects.push('nowhere');
    expect(bomIntegrityErrors(b)).toEqual([
      'dependencies[0] depends on unknown "ghost"',
      'dependencies[4].ref "phantom" is no component or service',
      '"lib" has no entry in dependencies',
      'compositions[0] names unknown "gone"',
      'annotations[0] annotates unknown "nowhere"',
    ]);
  });

  it('reports a model card on anything but a model', () => {
    const b = sound();
    Object.assign(b.components[0] as object, { modelCard: {} });
    expect(bomIntegrityErrors(b)).toEqual(['modelCard on a non-model element at $.components[0]']);
    expect(bomIntegrityErrors([])).toEqual(['BOM is not a JSON object']);
  });
});
