{bin} metrics -f json volume/pay.yaml
