import { api } from '../../api';

/** Saves a push run's results file (one CSV row per record attempted) as a download. */
export async function downloadRunResults(runId: number): Promise<void> {
  const { csv, fileName } = await api.sync.runResults({ runId });
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.className = 'sr-only';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
