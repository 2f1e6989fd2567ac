import { Fragment, type ReactNode } from 'react';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles(theme => ({
  list: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: theme.spacing(0.5, 2),
    margin: 0,
    '& dt': {
      color: theme.palette.text.secondary,
      fontWeight: 500,
    },
    '& dd': {
      margin: 0,
      overflowWrap: 'anywhere',
    },
  },
}));

/** Props of {@link KeyValueList}. */
export interface KeyValueListProps {
  /** Names the list for assistive technology. */
  label: string;
  /** Pairs in display order; pairs with an undefined value are left out. */
  items: Array<[string, ReactNode | undefined]>;
}

/** Labelled values as a two-column description list. */
export function KeyValueList(props: KeyValueListProps) {
  const classes = useStyles();
  return (
    <dl className={classes.list} aria-label={props.label}>
      {props.items
        .filter(([, value]) => value !== undefined && value !== null)
        .map(([key, value]) => (
          <Fragment key={key}>
            <dt>{key}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
    </dl>
  );
}
