/** Below this the screen says it is too small instead of drawing garbage. */
export const minColumns = 60;
export const minRows = 16;

export interface ScreenLayout {
  columns: number;
  rows: number;
  tooSmall: boolean;
  treeWidth: number;
  panelWidth: number;
  /** Height of the two panels, borders included. */
  bodyRows: number;
  /** Rows inside a panel's borders. */
  innerRows: number;
  /** Lines for the last message. */
  messageRows: number;
  /** Lines under the header for the demo's narration, the first thing read on a wall. */
  bannerRows: number;
}

/**
 * The frame is one line shorter than the terminal: when a frame fills the screen, Ink
 * clears and repaints everything on each render (the flicker of ink #359).
 */
export function screenLayoutOf(columns: number, rows: number, bannerRows = 0): ScreenLayout {
  const frameRows = rows - 1;
  const messageRows = 1;
  const bodyRows = Math.max(3, frameRows - 2 - messageRows - bannerRows);
  // Half each up to 140 columns; beyond, the panel, whose lines are longer, takes 55%.
  const share = columns >= 140 ? 0.55 : 0.5;
  const panelWidth = Math.max(42, Math.round(columns * share));
  return {
    columns,
    rows,
    tooSmall: columns < minColumns || rows < minRows,
    treeWidth: Math.max(10, columns - panelWidth),
    panelWidth,
    bodyRows,
    innerRows: bodyRows - 2,
    messageRows,
    bannerRows,
  };
}
