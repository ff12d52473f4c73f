"""The Share menu: the digest of a period, and the reviewed public version of a postmortem."""
