-- Closing the host's network raises an error, which ends the script.
network:close()
error("not reached")
