{bin} schema --catalog -o no-such-dir/catalog.schema.json
