{bin} metrics -f csv --by persona stages/loan.yaml
