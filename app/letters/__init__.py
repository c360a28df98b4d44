"""Letter writing: sandboxed templates, salutations and closings, letter context (no Qt, no database)."""
