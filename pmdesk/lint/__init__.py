"""pmdesk.lint."""
