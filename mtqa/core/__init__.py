"""The data model, text loading, configuration and glossary model. No heavy imports here."""
