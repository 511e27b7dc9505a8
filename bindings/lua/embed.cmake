# cmake -DINPUT=<file.lua> -DOUTPUT=<header.h> -P embed.cmake
#
# Writes the Lua layer as a C array `nwb_lua_layer` (NUL-terminated), so
# that the netzwerk module is one file and an embedding host needs no path.
file(READ "${INPUT}" hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
# One C line per Lua line.
string(REPLACE "0x0a," "0x0a,\n" bytes "${bytes}")
get_filename_component(name "${INPUT}" NAME)
file(WRITE "${OUTPUT}"
    "/* Generated from ${name} by embed.cmake; do not edit. */\n"
    "static const unsigned char nwb_lua_layer[] = {\n${bytes}0x00};\n")
