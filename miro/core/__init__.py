"""Core plumbing shared by every API domain: transport, models, collections, paging."""
