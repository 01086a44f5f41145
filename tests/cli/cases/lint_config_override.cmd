{bin} lint --config badconfig/.journeylint.yaml clean.yaml
