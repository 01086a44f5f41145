{bin} render --view blueprint -T dot stages/loan.yaml
