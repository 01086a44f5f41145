{bin} lint suppressed.yaml
