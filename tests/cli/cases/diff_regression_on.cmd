{bin} diff --fail-on-regression --regression-on monthly.fte,queue compare/future/pay.yaml volume/pay.yaml
