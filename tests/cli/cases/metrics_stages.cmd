{bin} metrics stages/loan.yaml
