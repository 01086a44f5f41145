{bin} init clean.yaml
