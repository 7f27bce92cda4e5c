// Names the operating system sees. electron-builder.yml repeats the app id (a test keeps the two equal):
// Windows needs it at run time to attribute notifications to the app.
export const APP_ID = 'com.jirasessionmanager.app';
export const PRODUCT_NAME = 'Jira Session Manager';
