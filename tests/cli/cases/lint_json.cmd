{bin} lint --format json broken.yaml
