{bin} simulate simulate/referral.yaml -n 20000 --seed 3
