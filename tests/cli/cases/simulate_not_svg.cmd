{bin} simulate simulate/referral.yaml -o chart.png
