{bin} lint -q suppressed.yaml broken.yaml
