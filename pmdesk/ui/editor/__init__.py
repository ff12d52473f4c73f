"""The postmortem editor: every section of the template, saved as you type."""
