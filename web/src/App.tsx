import { Route, Routes } from 'react-router';
import { Take } from './candidate/Take';
import { ThemeToggle, useTheme } from './components/theme';
import { StaffApp } from './staff/StaffApp';

/** The candidate's side under /take (by invitation link only); everything else is the signed-in staff's. */
export function App() {
  const [theme, toggle] = useTheme();
  return (
    <>
      <a className="skip-link" href="#content">Skip to content</a>
      <div className="theme-corner"><ThemeToggle theme={theme} toggle={toggle} /></div>
      <div id="content">
        <Routes>
          <Route path="/take" element={<Take theme={theme} />} />
          <Route path="/*" element={<StaffApp theme={theme} />} />
        </Routes>
      </div>
    </>
  );
}
