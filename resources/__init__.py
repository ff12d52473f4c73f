"""Data files shipped inside the package as `pmdesk.resources`; read them through pmdesk.resource_files."""
