{bin} lint --format junit broken.yaml clean.yaml
