"""Domain values of Appeal Desk: frozen dataclasses, enums and typed errors (stdlib only)."""
