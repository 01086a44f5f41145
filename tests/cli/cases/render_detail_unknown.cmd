{bin} render --view inside-out --detail everything clean.yaml
