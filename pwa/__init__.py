"""The phone app: server-rendered pages, static files and the service worker."""
