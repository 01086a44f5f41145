{bin} lint --strict suppressed.yaml
