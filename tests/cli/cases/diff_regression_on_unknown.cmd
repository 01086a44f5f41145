{bin} diff --regression-on monthly.cst volume/pay.yaml compare/future/pay.yaml
