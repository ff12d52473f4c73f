"""pmdesk.importers."""
