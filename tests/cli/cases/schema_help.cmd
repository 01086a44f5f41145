{bin} schema --help
