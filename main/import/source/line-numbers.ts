/**
 * Physical line where each record starts, from csv-parse's running line count (the line a
 * record ends on). csv-parse counts a CRLF inside a quoted field as two lines, so that excess
 * is tracked and taken off every later record.
 */
export class LineTracker {
  private excess = 0;
  private prevReported = 0;

  /** csv-parse counted a line break that is not one (a stray CR before the file's LF). */
  extraLineCounted(): void {
    this.excess++;
  }

  startLine(reportedEnd: number, cells: readonly string[]): number {
    const delta = reportedEnd - this.prevReported;
    this.prevReported = reportedEnd;
    if (delta <= 1) return reportedEnd - this.excess;
    let breaks = 0;
    let crlf = 0;
    for (const cell of cells) {
      if (cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) continue;
      for (let i = 0; i < cell.length; i++) {
        const c = cell.charCodeAt(i);
        if (c === 13) {
          breaks++;
          if (cell.charCodeAt(i + 1) === 10) {
            crlf++;
            i++;
          }
        } else if (c === 10) breaks++;
      }
    }
    this.excess += crlf;
    return reportedEnd - this.excess - breaks;
  }
}
