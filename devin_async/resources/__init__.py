"""Resource groups: attrs models in, attrs models out."""
