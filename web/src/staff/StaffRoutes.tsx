/**
 * The staff console's routes (one lazily loaded chunk): every path under /staff/ a staff member
 * or an administrator may open; anything else, and the users page for staff, is "not found".
 */
import { Route, Routes } from 'react-router-dom';
import type { Role } from '../shell/nav';
import { NotFound } from '../shell/NotFound';
import { AuditPage } from './AuditPage';
import { CycleEditPage, CyclesPage } from './CyclesPage';
import { DashboardPage } from './DashboardPage';
import { EntriesPage } from './EntriesPage';
import { EntryPage } from './EntryPage';
import { JudgesPage } from './JudgesPage';
import { OrganisationPage, OrganisationsPage } from './OrganisationsPage';
import { RoundAssignmentsPage } from './rounds/RoundAssignmentsPage';
import { RoundConflictsPage } from './rounds/RoundConflictsPage';
import { RoundProgressPage } from './rounds/RoundProgressPage';
import { RoundNewPage, RoundPage, RoundsPage } from './RoundsPage';
import { RubricEditPage } from './RubricEditPage';
import { RubricsPage } from './RubricsPage';
import { StaffFrame } from './StaffFrame';
import { UsersPage } from './UsersPage';

export function StaffRoutes({ role }: { role: Role }) {
  return (
    <StaffFrame>
      <Routes>
        <Route path="cycles" element={<CyclesPage />} />
        <Route path="cycles/:id" element={<CycleEditPage />} />
        <Route path="entries" element={<EntriesPage />} />
        <Route path="entries/:id" element={<EntryPage />} />
        <Route path="rounds/:id/assignments" element={<RoundAssignmentsPage />} />
        <Route path="rounds/:id/conflicts" element={<RoundConflictsPage />} />
        <Route path="rounds/:id/progress" element={<RoundProgressPage />} />
        <Route path="organisations" element={<OrganisationsPage />} />
        <Route path="organisations/:id" element={<OrganisationPage />} />
        <Route path="rounds" element={<RoundsPage />} />
        <Route path="rounds/new" element={<RoundNewPage />} />
        <Route path="rounds/:id" element={<RoundPage />} />
        <Route path="rubrics" element={<RubricsPage />} />
        <Route path="rubrics/:id" element={<RubricEditPage />} />
        <Route path="judges" element={<JudgesPage />} />
        <Route path="audit" element={<AuditPage />} />
        {role === 'admin' && <Route path="users" element={<UsersPage />} />}
        <Route path="*" element={<NotFound />} />
      </Routes>
    </StaffFrame>
  );
}

/** Staff and administrators start at the dashboard of a cycle. */
export function StaffHome() {
  return (
    <StaffFrame>
      <DashboardPage />
    </StaffFrame>
  );
}
