{bin} lint clean.yaml missing.yaml
