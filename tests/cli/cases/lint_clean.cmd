{bin} lint clean.yaml
