{bin} simulate simulate/referral.yaml -n 5000 -j 1 -f csv
