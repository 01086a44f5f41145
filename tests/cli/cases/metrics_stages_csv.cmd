{bin} metrics -f csv --by stage stages/loan.yaml
