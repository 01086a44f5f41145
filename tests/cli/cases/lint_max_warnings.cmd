{bin} lint --max-warnings 0 suppressed.yaml broken.yaml
