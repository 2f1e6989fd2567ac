import { useState } from 'react';
import Button from '@material-ui/core/Button';
import ButtonGroup from '@material-ui/core/ButtonGroup';
import Typography from '@material-ui/core/Typography';
import GetAppIcon from '@material-ui/icons/GetApp';
import {
  findingsToCsv,
  findingsToSarif,
  type PostureReport,
} from '@cloud-native-platform/plugin-security-posture-common';
import packageJson from '../../../package.json';
import { downloadFile } from '../../lib/downloadFile';

/** Props of {@link ReportExportButtons}. */
export interface ReportExportButtonsProps {
  report: PostureReport;
  /** File name without extension, e.g. `security-posture-trading-engine`. */
  fileName: string;
}

type Format = 'csv' | 'json' | 'sarif';

function render(report: PostureReport, format: Format) {
  switch (format) {
    case 'csv':
      return { content: findingsToCsv(report.findings), type: 'text/csv' };
    case 'sarif':
      return {
        content: JSON.stringify(
          findingsToSarif(report.findings, {
            toolVersion: packageJson.version,
          }),
          null,
          2,
        ),
        type: 'application/sarif+json',
      };
    default:
      return {
        content: JSON.stringify(report, null, 2),
        type: 'application/json',
      };
  }
}

/**
 * Downloads the report: its findings as CSV or SARIF (excepted ones
 * included and marked), or the whole report as JSON.
 */
export function ReportExportButtons(props: ReportExportButtonsProps) {
  const [error, setError] = useState<string>();

  const save = (format: Format) => {
    try {
      const { content, type } = render(props.report, format);
      downloadFile(
        `${props.fileName}.${format === 'sarif' ? 'sarif' : format}`,
        content,
        type,
      );
      setError(undefined);
    } catch (e) {
      setError(
        `Could not export ${format.toUpperCase()}: ${(e as Error).message}`,
      );
    }
  };

  return (
    <div>
      <ButtonGroup size="small" variant="outlined" aria-label="Export report">
        <Button startIcon={<GetAppIcon />} onClick={() => save('csv')}>
          CSV
        </Button>
        <Button onClick={() => save('json')}>JSON</Button>
        <Button onClick={() => save('sarif')}>SARIF</Button>
      </ButtonGroup>
      {error && (
        <Typography variant="caption" color="error" role="alert" component="p">
          {error}
        </Typography>
      )}
    </div>
  );
}

/** A file name for a report's exports, from what the report is about. */
export function exportFileName(scope: PostureReport['scope']): string {
  const subject =
    scope.entityRef ??
    (scope.cluster
      ? [scope.cluster, scope.namespace].filter(Boolean).join('-')
      : scope.team) ??
    'fleet';
  return `security-posture-${subject.replace(/[^A-Za-z0-9._-]+/g, '-')}`;
}
