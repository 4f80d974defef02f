"""Loading: a project's files read into the unresolved document model, every node located."""
