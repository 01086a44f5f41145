{bin} lint --help
