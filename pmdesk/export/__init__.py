"""pmdesk.export."""
