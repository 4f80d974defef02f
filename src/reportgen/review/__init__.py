"""The review loop: identifiable draft builds, redlines between drafts, reviewers' comments traced to sources."""
