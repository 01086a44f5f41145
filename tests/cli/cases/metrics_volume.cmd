{bin} metrics volume
