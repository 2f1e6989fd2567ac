import { Route, Routes, useParams } from 'react-router-dom';
import { Content, Header, Page } from '@backstage/core-components';
import { ReactRouterV6PageRouter } from '@backstage/frontend-adapter-react-router-v6';
import { AttemptView } from '../AttemptView';
import { HistoryView } from './HistoryView';

function AttemptRoute() {
  const { id = '' } = useParams();
  return <AttemptView id={id} backTo=".." />;
}

// The filters live in the query string and the attempt view in a sub path,
// through React Router. The adapter gives the view a router scoped to the
// page in the new frontend system and renders its children untouched in the
// legacy one.

/**
 * The healing history with its attempt views, without the page header. The
 * new frontend system draws the header around it.
 */
export function HealingContent() {
  return (
    <ReactRouterV6PageRouter>
      <Content>
        <Routes>
          <Route path="/" element={<HistoryView />} />
          <Route path="/attempts/:id" element={<AttemptRoute />} />
        </Routes>
      </Content>
    </ReactRouterV6PageRouter>
  );
}

/** The healing history page with its header, for the legacy frontend system. */
export function HealingPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Healing history"
        subtitle="What was healed, when, why and whether it worked"
      />
      <HealingContent />
    </Page>
  );
}
