{bin} lnt clean.yaml
