{bin} lint --jobs -1 clean.yaml
