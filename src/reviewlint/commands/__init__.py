"""One module per CLI subcommand, each exposing `<name>_command`."""
