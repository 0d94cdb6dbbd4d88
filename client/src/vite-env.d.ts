// Types for what Vite adds to client code: CSS and asset imports, import.meta.env.
/// <reference types="vite/client" />
