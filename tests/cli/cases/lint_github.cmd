{bin} lint --format github broken.yaml
