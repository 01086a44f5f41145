{bin} --version
