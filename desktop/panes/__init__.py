"""The side panes: filters, the event list and its model, details, link opening."""
