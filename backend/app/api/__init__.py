"""HTTP routes: thin handlers that call services and return response models."""
