{bin} --help
