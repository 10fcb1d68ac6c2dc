// Stylesheets imported for their side effect (esbuild bundles them into a .css output).
declare module '*.css'
