# Placeholder for a file of the system that examples/web-shop models: the threat model links
# here (implementedIn or verifiedBy), and tml checks that every linked file exists.
