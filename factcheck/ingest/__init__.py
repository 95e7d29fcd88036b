"""Growing the registry: propose what a new article adds, then merge it into the file."""
