{bin} compare volume/pay.yaml compare/future/pay.yaml -f csv
