/** A host element holding what one run rendered; the previous run's is removed first. */
export function freshStage(): HTMLElement {
  document.getElementById('stage')?.remove();
  const stage = document.createElement('div');
  stage.id = 'stage';
  document.body.append(stage);
  return stage;
}
