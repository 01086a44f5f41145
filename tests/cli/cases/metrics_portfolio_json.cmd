{bin} metrics volume -f json --portfolio
