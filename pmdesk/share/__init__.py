"""Sharing beyond the team: a digest of a period, and a reviewed public version. Free of Qt."""
