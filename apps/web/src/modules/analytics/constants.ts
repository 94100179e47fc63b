export const ANALYTICS_VIEW = 'analytics.view';
