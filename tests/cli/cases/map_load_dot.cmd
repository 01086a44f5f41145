{bin} map --load -T dot volume/
