import type { ReactiveControllerHost } from 'lit';

/**
 * Drag-and-drop of files onto an element: `dragging` while files are over it (counted, because
 * every child the pointer crosses fires its own enter/leave), and `drop` hands over the files.
 * Other drags (text, links) are left to the browser.
 */
export class DropZone {
  dragging = false;
  private depth = 0;

  constructor(
    private host: ReactiveControllerHost,
    /** Whether files may be dropped now (not readonly, a record to attach to). */
    private enabled: () => boolean,
    private drop: (files: File[]) => void,
  ) {}

  private takes(event: DragEvent): boolean {
    return this.enabled() && !!event.dataTransfer?.types.includes('Files');
  }

  private set(dragging: boolean): void {
    if (dragging === this.dragging) return;
    this.dragging = dragging;
    this.host.requestUpdate();
  }

  onDragEnter = (event: DragEvent) => {
    if (!this.takes(event)) return;
    event.preventDefault();
    this.depth++;
    this.set(true);
  };

  onDragOver = (event: DragEvent) => {
    if (!this.takes(event)) return;
    event.preventDefault();
    event.dataTransfer!.dropEffect = 'copy';
  };

  onDragLeave = () => {
    this.depth = Math.max(0, this.depth - 1);
    if (!this.depth) this.set(false);
  };

  onDrop = (event: DragEvent) => {
    this.depth = 0;
    this.set(false);
    if (!this.takes(event)) return;
    // Without this the browser opens the dropped file in place of the page.
    event.preventDefault();
    this.drop(Array.from(event.dataTransfer!.files));
  };
}
