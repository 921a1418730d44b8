// Every page of the app, in one table: the shell's navigation, the router, the command palette
// and the shortcuts are all read from here. A page is a module whose default export is its
// component; it loads the first time it is opened. New capabilities add their pages here.
export const routes = [
  { path: '/sign-in', title: 'Sign in', load: () => import('./pages/sign-in.js'), bare: true, public: true },
  { path: '/register', title: 'Create account', load: () => import('./pages/register.js'), bare: true, public: true },
  { path: '/markets', title: 'Markets', nav: 'Research', icon: 'markets', keys: 'g m', load: () => import('./pages/markets.js') },
  { path: '/markets/:symbol', title: 'Instrument', load: () => import('./pages/instrument.js') },
  { path: '/watchlists', title: 'Watchlists', nav: 'Research', icon: 'watchlists', keys: 'g w', load: () => import('./pages/watchlists.js') },
  { path: '/alerts', title: 'Alerts', nav: 'Research', icon: 'alerts', keys: 'g a', load: () => import('./pages/alerts.js') },
  { path: '/query', title: 'Query console', nav: 'Research', icon: 'query', keys: 'g q', load: () => import('./pages/query.js') },
  { path: '/imports', title: 'Imports', nav: 'Data', icon: 'imports', keys: 'g i', load: () => import('./pages/imports.js') },
  { path: '/account', title: 'Account', nav: 'Settings', icon: 'account', keys: 'g s', load: () => import('./pages/account.js') },
  { path: '/admin', title: 'Administration', nav: 'Settings', icon: 'admin', role: 'admin', keys: 'g d', load: () => import('./pages/admin.js') },
  { path: '/admin/:section', title: 'Administration', role: 'admin', load: () => import('./pages/admin.js') },
];

export const HOME = '/markets';
