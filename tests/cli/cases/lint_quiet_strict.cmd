{bin} lint --quiet --strict suppressed.yaml
