# Placeholder for a file of the system that examples/iot-device models: the threat model links
# here (implementedIn or verifiedBy), and tml checks that every linked file exists.
