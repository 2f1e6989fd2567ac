import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { matchesOf } from './matchesOf';

const useStyles = makeStyles(theme => ({
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
  },
  search: {
    flexGrow: 1,
    minWidth: 160,
  },
  lines: {
    listStyle: 'none',
    margin: theme.spacing(1, 0, 0),
    padding: theme.spacing(1),
    maxHeight: 420,
    overflow: 'auto',
    fontFamily: 'monospace',
    fontSize: '0.8rem',
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    background: theme.palette.background.default,
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
  },
  timestamp: {
    color: theme.palette.text.secondary,
    marginRight: theme.spacing(1),
  },
  match: {
    background: theme.palette.warning.light,
    color: theme.palette.getContrastText(theme.palette.warning.light),
    padding: 0,
  },
}));

/**
 * One line of a {@link LogLinesView}.
 *
 * @public
 */
export interface LogLinesViewLine {
  /** RFC 3339 time the line was written. */
  timestamp: string;
  text: string;
}

/**
 * Props of {@link LogLinesView}.
 *
 * @public
 */
export interface LogLinesViewProps {
  /** The lines, oldest first. */
  lines: readonly LogLinesViewLine[];
  /** Accessible name of the list, e.g. `Log lines of risk-service-7c9f`. */
  label: string;
  /** Name of the downloaded file, e.g. `risk-service-7c9f.log`. */
  fileName: string;
  /** Shown instead of the list when there is no line. */
  emptyMessage?: string;
}

function Highlighted(props: {
  text: string;
  search: string;
  className: string;
}) {
  const { text, search, className } = props;
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const [start, end] of matchesOf(text, search)) {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(
      <mark key={start} className={className}>
        {text.slice(start, end)}
      </mark>,
    );
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}

/** Saves the lines as a text file through a Blob link. */
function download(lines: readonly LogLinesViewLine[], fileName: string) {
  const text = lines.map(l => `${l.timestamp} ${l.text}\n`).join('');
  const url = URL.createObjectURL(
    new Blob([text], { type: 'text/plain;charset=utf-8' }),
  );
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

/**
 * Log lines in a scrolling monospaced list, with a search box that keeps
 * only the lines containing the search (case-insensitive) and highlights it,
 * and a button that downloads the lines shown. The list stays at its end as
 * lines are appended unless the user scrolled up.
 *
 * @public
 */
export function LogLinesView(props: LogLinesViewProps) {
  const { lines, label, fileName, emptyMessage = 'No log lines.' } = props;
  const classes = useStyles();
  const [search, setSearch] = useState('');
  const searchId = useId();
  const shown = useMemo(() => {
    const needle = search.toLocaleLowerCase();
    return needle
      ? lines.filter(l => l.text.toLocaleLowerCase().includes(needle))
      : lines;
  }, [lines, search]);

  const listRef = useRef<HTMLOListElement>(null);
  const atEnd = useRef(true);
  useLayoutEffect(() => {
    const list = listRef.current;
    if (list && atEnd.current) list.scrollTop = list.scrollHeight;
  }, [shown]);

  return (
    <div>
      <div className={classes.toolbar}>
        <TextField
          id={searchId}
          className={classes.search}
          size="small"
          variant="outlined"
          label="Search the lines"
          value={search}
          onChange={e => setSearch(e.target.value)}
        />
        <Button
          size="small"
          variant="outlined"
          disabled={shown.length === 0}
          onClick={() => download(shown, fileName)}
        >
          Download
        </Button>
      </div>
      <Typography variant="caption" color="textSecondary" role="status">
        {search
          ? `${shown.length} of ${lines.length} lines match`
          : `${lines.length} lines`}
      </Typography>
      {shown.length === 0 ? (
        <Box mt={1}>
          <Typography variant="body2" color="textSecondary">
            {search ? 'No line matches the search.' : emptyMessage}
          </Typography>
        </Box>
      ) : (
        <ol
          ref={listRef}
          className={classes.lines}
          aria-label={label}
          onScroll={e => {
            const list = e.currentTarget;
            atEnd.current =
              list.scrollHeight - list.scrollTop - list.clientHeight < 24;
          }}
        >
          {shown.map((line, index) => (
            <li key={index}>
              <time className={classes.timestamp} dateTime={line.timestamp}>
                {line.timestamp}
              </time>
              <Highlighted
                text={line.text}
                search={search}
                className={classes.match}
              />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
