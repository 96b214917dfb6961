"""Text search over offers."""
