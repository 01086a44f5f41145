{bin} lint broken.yaml
