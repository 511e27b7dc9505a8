/* json-c for json_compare.c, in its own file: its header clashes with jansson's. */
#include <json-c/json.h>

int jsonc_parse(const char *buf, size_t len);

int jsonc_parse(const char *buf, size_t len)
{
    struct json_tokener *tok = json_tokener_new_ex(64);
    json_object *j = json_tokener_parse_ex(tok, buf, (int)len);
    int ok = j != NULL;
    json_object_put(j);
    json_tokener_free(tok);
    return ok;
}
