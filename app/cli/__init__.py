"""Command-line interface: one module per command group, each with ``register(subparsers)``.

A handler is ``handler(args, ctx) -> int`` set with ``parser.set_defaults(handler=...)``; it
imports heavy modules inside its body so ``appeal-desk --version`` stays instant.
"""

COMMAND_MODULES = (
    "app.cli.case_commands",
    "app.cli.parse_commands",
    "app.cli.letter_commands",
    "app.cli.i18n_commands",
    "app.cli.event_commands",
    "app.cli.backup_commands",
    "app.cli.report_commands",
    "app.cli.desktop_commands",
    "app.cli.edit_commands",
    "app.cli.settings_commands",
)
