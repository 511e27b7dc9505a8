/**
 * @file netzwerk/io.h
 * @brief Files: the native JSON format, GraphML and CSV interchange, atomic saves.
 *
 * @section io_formats Formats
 *
 * - **Native** (::NW_FORMAT_NATIVE): a JSON document (format name
 *   `"netzwerk"`, version ::NW_FORMAT_VERSION) that holds everything in a
 *   network: its name, topics and goals, every field of every actor and tie,
 *   interaction logs, checklists, and the identity counters. Loading a saved
 *   file gives the same network, field for field, with the same identities;
 *   saving it again gives the same bytes (stable key order, dates as
 *   `YYYY-MM-DD`, two-space indentation, a final newline). docs/format.md
 *   describes it and docs/netzwerk.schema.json is its JSON Schema.
 * - **GraphML** (::NW_FORMAT_GRAPHML) for Gephi, yEd, NetworkX and igraph:
 *   actors are nodes, ties are edges; a tie of more than two actors becomes
 *   one edge per pair of members, all carrying the tie's identity. Contacts,
 *   consent history details and interaction notes are not exported.
 * - **CSV** for spreadsheets: `actors.csv` and `ties.csv`, RFC 4180, UTF-8,
 *   comma or semicolon separated, with its own functions because it takes
 *   two files. Interaction logs and checklists are not part of it.
 *
 * @section io_safety Safety
 *
 * Saving is atomic: the data goes to a temporary file in the target's
 * folder, which is flushed to disk and then renamed over the target. If
 * anything fails, the old file is untouched and no temporary file is left.
 *
 * Loading is all-or-nothing: on failure no network is returned and nothing
 * leaks. The message (nw_errmsg()) says where the input is wrong, as
 * `"line 12, column 5: ..."` for syntax errors or as a JSON path such as
 * `"$.ties[3].members[1]: no actor 99"` for content errors; the optional
 * ::nw_load_error gives the same position to programs. Limits
 * (::nw_load_options) bound what a hostile file can make the library do.
 */
#ifndef NETZWERK_IO_H
#define NETZWERK_IO_H

#include "netzwerk/common.h"
#include "netzwerk/form.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The version of the native format that this library writes and the newest it reads. */
#define NW_FORMAT_VERSION 1

/**
 * @brief A file format for nw_network_load() and nw_network_save() (and
 * their `_buffer` forms).
 *
 * ::NW_FORMAT_AUTO decides by one rule, the same for loading and saving:
 *
 * 1. By the file name's extension (case-insensitive): `.graphml` and `.xml`
 *    are GraphML, `.json` is native. The content is not looked at: a
 *    GraphML file named `.json` fails as malformed JSON.
 * 2. Otherwise, when loading (any other file name, and every buffer), by
 *    the content: the first byte after an optional UTF-8 byte-order mark
 *    and white space (space, tab, CR, LF); `<` is GraphML, anything else
 *    (normally `{`) native.
 * 3. Otherwise, when saving (any other file name, and every buffer): native.
 *
 * So a file saved under a name loads back under that name, and a buffer
 * saved with ::NW_FORMAT_AUTO is native.
 */
typedef enum nw_format {
    NW_FORMAT_AUTO = 0,    /**< Decide by extension, then content (see ::nw_format). */
    NW_FORMAT_NATIVE = 1,  /**< The native JSON format. */
    NW_FORMAT_GRAPHML = 2  /**< GraphML. */
} nw_format;

/** Size of ::nw_load_error's `where` text, terminating NUL included. */
#define NW_LOAD_WHERE_SIZE 160

/**
 * @brief Where a load failed, for programs that want to point at the spot.
 *
 * When ::nw_load_options `error` points to one, every failed load call
 * fills all of it, whatever the failure (also bad arguments, bad options of
 * a known version, I/O errors and running out of memory): `code` is always
 * the code the call returned; a position field that the failure does not
 * have is 0 or "". On success it is left untouched.
 *
 * | failure | line | column | where |
 * |---|---|---|---|
 * | JSON syntax, nesting too deep | yes | yes | "" |
 * | native content (a member, a value) | 0 | 0 | the JSON path, `$.ties[3].members[1]` |
 * | XML syntax, and GraphML errors found while reading it (nesting, root element, counts) | yes | yes | "" |
 * | GraphML content found while building (a value, a missing node) | the element's line, or 0 (the whole graph) | 0 | `edge 'e3'`, `node 'n1'`, `graph`, or "" |
 * | CSV | the line, or 0 (the whole file) | 0 | `ties.csv line 7, column start` |
 * | arguments, options, I/O, `max_bytes` | 0 | 0 | "" |
 *
 * Running out of memory gives the place where it happened when there is one.
 */
typedef struct nw_load_error {
    int code;                        /**< The code the load returned (negative). */
    size_t line;                     /**< 1-based line of the input, or 0 for none. */
    size_t column;                   /**< 1-based column (in bytes) of the input, or 0 for none. */
    char where[NW_LOAD_WHERE_SIZE];  /**< The JSON path (`$.actors[4].name`), the CSV
                                          place (`ties.csv line 7, column start`) or the
                                          GraphML element (`edge 'e3'`), or "" for none. */
} nw_load_error;

/** The current version of ::nw_load_options. */
#define NW_LOAD_OPTIONS_VERSION 1

/**
 * @brief How to load. Start from ::NW_LOAD_OPTIONS_INIT or
 * nw_load_options_init() and change what you need (not from a zeroed
 * struct: its default date and form would be real values); a limit of 0
 * means its default. Every call that takes options accepts NULL for the
 * defaults.
 *
 * A file that goes beyond a limit fails with ::NW_ELIMIT in every format
 * (docs/format.md lists the limits). `max_actors` and `max_ties` bound both
 * the number and the identities: an identity above the limit (a native
 * `id` or `next_actor_id`/`next_tie_id` counter, a GraphML node id `a<N>` or
 * `tie` value, a CSV `id`) is ::NW_ELIMIT too, while one that is no
 * identity at all (0, above 4,294,967,295, not a number) is ::NW_EFORMAT.
 */
typedef struct nw_load_options {
    unsigned int version;   /**< ::NW_LOAD_OPTIONS_VERSION. */
    nw_format format;       /**< ::NW_FORMAT_AUTO (by extension, else content; see
                                 ::nw_format), or the format to insist on. */
    size_t max_bytes;       /**< Largest input accepted, per file; default 1 GiB. */
    size_t max_actors;      /**< Most actors, and the highest actor identity; default 10,000,000. */
    size_t max_ties;        /**< Most ties, and the highest tie identity; default 100,000,000. */
    size_t max_items;       /**< Most entries in one list (contacts, interests, attributes,
                                 members, topics, goals, interactions, checklist items); default 100,000. */
    unsigned int max_depth; /**< Deepest nesting of JSON arrays and objects or of XML
                                 elements; default 32 (the formats need at most 7). */
    nw_date default_start;  /**< GraphML and CSV: the start date of a tie that has none;
                                 ::NW_DATE_NONE (the default) makes such a tie an error. */
    nw_form default_form;   /**< GraphML: the form of an edge that names none;
                                 default ::NW_FORM_KONTAKT. */
    const char *name;       /**< GraphML and CSV: the network's name when the file has
                                 none; NULL means "Netzwerk". Not kept. */
    char csv_separator;     /**< CSV: ',' or ';', or 0 to detect it from the header line. */
    nw_load_error *error;   /**< Optional: filled with the position of a failure. */
} nw_load_options;

/** Initializer for ::nw_load_options: every default, automatic format. */
#define NW_LOAD_OPTIONS_INIT \
    { NW_LOAD_OPTIONS_VERSION, NW_FORMAT_AUTO, 0, 0, 0, 0, 0, NW_DATE_NONE, NW_FORM_KONTAKT, NULL, 0, NULL }

/**
 * @brief Fill load options with the defaults of ::NW_LOAD_OPTIONS_INIT (for
 * bindings, which cannot use the macro).
 * @param[out] opts  The options.
 * @param version    ::NW_LOAD_OPTIONS_VERSION.
 * @return ::NW_OK; ::NW_EINVAL for NULL or an unknown version.
 */
NW_API int nw_load_options_init(nw_load_options *opts, unsigned int version);

/** Save flag: do not fsync (for tests and benchmarks; the rename is still atomic, but
 *  a power cut may lose the new content). */
#define NW_SAVE_NO_SYNC 0x1u
/** Save flag (CSV): start each file with a UTF-8 byte-order mark, which Excel needs to
 *  read UTF-8 (use it with ';' as separator for German Excel). */
#define NW_SAVE_CSV_BOM 0x2u
/** Save flag: leave out the actors without valid consent on ::nw_save_options
 *  `consent_as_of` for `consent_purpose` (see ::nw_save_options). */
#define NW_SAVE_CONSENTED_ONLY 0x4u

/** The current version of ::nw_save_options. */
#define NW_SAVE_OPTIONS_VERSION 1

/**
 * @brief How to save. Start from ::NW_SAVE_OPTIONS_INIT or
 * nw_save_options_init() and change what you need.
 *
 * With the flag ::NW_SAVE_CONSENTED_ONLY the file leaves out every actor
 * whose consent for `consent_purpose` is not valid on `consent_as_of` (see
 * netzwerk/consent.h), as if it had been removed: ties left with fewer than
 * two members are left out too, and so are its per-partner checklist items.
 * The network itself is not changed. This is data minimisation for files
 * that leave the coordinator, not erasure: texts of the remaining actors and
 * ties may still mention those left out (docs/data-protection.md). (A flag
 * rather than a date alone, so that options initialised with zeros, where
 * 0 is the valid date 1970-01-01, filter nothing.)
 */
typedef struct nw_save_options {
    unsigned int version;   /**< ::NW_SAVE_OPTIONS_VERSION. */
    nw_format format;       /**< ::NW_FORMAT_AUTO (by extension, else native; see ::nw_format)
                                 or a format. */
    unsigned int flags;     /**< An OR of ::NW_SAVE_NO_SYNC, ::NW_SAVE_CSV_BOM and
                                 ::NW_SAVE_CONSENTED_ONLY, or 0. */
    char csv_separator;     /**< CSV: ',' or ';'; 0 means ','. */
    nw_date consent_as_of;  /**< With ::NW_SAVE_CONSENTED_ONLY: the date consent must be
                                 valid on; a valid date. Otherwise ignored. */
    const char *consent_purpose; /**< With ::NW_SAVE_CONSENTED_ONLY: the purpose the consent
                                      must be for; NULL (the default) or "" for the general
                                      purpose, taking part in the network. Not kept. */
} nw_save_options;

/** Initializer for ::nw_save_options: automatic format, no flags (no consent filter), comma. */
#define NW_SAVE_OPTIONS_INIT { NW_SAVE_OPTIONS_VERSION, NW_FORMAT_AUTO, 0u, 0, NW_DATE_NONE, NULL }

/**
 * @brief Fill save options with the defaults of ::NW_SAVE_OPTIONS_INIT (for
 * bindings, which cannot use the macro).
 * @param[out] opts  The options.
 * @param version    ::NW_SAVE_OPTIONS_VERSION.
 * @return ::NW_OK; ::NW_EINVAL for NULL or an unknown version.
 */
NW_API int nw_save_options_init(nw_save_options *opts, unsigned int version);

/**
 * @brief Load a network from a file (native or GraphML).
 * @param[out] out  The new network, owned by the caller; free with
 *                  nw_network_free(). Untouched on failure.
 * @param path      The file's path.
 * @param opts      Options, or NULL for ::NW_LOAD_OPTIONS_INIT.
 * @return ::NW_OK; ::NW_EINVAL for a NULL @p out or @p path, or bad options;
 *         ::NW_EIO if the file cannot be read (the message has the system's
 *         reason); ::NW_EFORMAT if the content is malformed, of a newer
 *         format version, or breaks the model's rules (a dangling or
 *         duplicate identity, a bad date, invalid UTF-8, a name used twice);
 *         ::NW_ELIMIT if it exceeds a limit of @p opts; ::NW_ENOMEM.
 */
NW_API int nw_network_load(nw_network **out, const char *path, const nw_load_options *opts);

/**
 * @brief Load a network from a buffer (native or GraphML).
 * @param[out] out  The new network, owned by the caller; free with
 *                  nw_network_free(). Untouched on failure.
 * @param data      The bytes (need not be NUL-terminated); not kept.
 * @param len       Their number.
 * @param opts      Options, or NULL for ::NW_LOAD_OPTIONS_INIT.
 * @return ::NW_OK; ::NW_EINVAL for a NULL @p out or @p data, or bad options;
 *         ::NW_EFORMAT; ::NW_ELIMIT; ::NW_ENOMEM (as for nw_network_load()).
 */
NW_API int nw_network_load_buffer(nw_network **out, const void *data, size_t len,
                                  const nw_load_options *opts);

/**
 * @brief Save a network to a file (native or GraphML), atomically.
 *
 * A new file gets the permissions 0600 (network data is personal data); a
 * replaced file keeps its permissions.
 *
 * @param net   The network.
 * @param path  The file's path; its folder must exist.
 * @param opts  Options, or NULL for ::NW_SAVE_OPTIONS_INIT.
 * @return ::NW_OK; ::NW_EINVAL for a NULL @p net or @p path, or bad options;
 *         ::NW_ESTALE if the network was freed; ::NW_EIO if writing fails
 *         (the old file is intact; the message has the system's reason);
 *         ::NW_ENOMEM.
 */
NW_API int nw_network_save(const nw_network *net, const char *path, const nw_save_options *opts);

/**
 * @brief Save a network into a new buffer (native or GraphML).
 * @param[out] out  The text, NUL-terminated, owned by the caller; free with
 *                  nw_free(). Untouched on failure.
 * @param[out] len  Its length without the NUL; may be NULL.
 * @param net       The network.
 * @param opts      Options, or NULL for ::NW_SAVE_OPTIONS_INIT (native).
 * @return ::NW_OK; ::NW_EINVAL for a NULL @p out or @p net, or bad options;
 *         ::NW_ESTALE if the network was freed; ::NW_ENOMEM.
 */
NW_API int nw_network_save_buffer(char **out, size_t *len, const nw_network *net,
                                  const nw_save_options *opts);

/**
 * @brief Load a network from `actors.csv` and, optionally, `ties.csv`.
 *
 * docs/format.md lists the columns. Columns are found by their header name;
 * unknown columns of actors.csv become attributes; a leading UTF-8
 * byte-order mark is skipped.
 *
 * @param[out] out         The new network, owned by the caller; free with
 *                         nw_network_free(). Untouched on failure.
 * @param actors_path      Path of the actors file.
 * @param ties_path        Path of the ties file, or NULL for none.
 * @param opts             Options, or NULL for ::NW_LOAD_OPTIONS_INIT.
 * @return ::NW_OK; ::NW_EINVAL for a NULL @p out or @p actors_path, or bad
 *         options; ::NW_EIO; ::NW_EFORMAT; ::NW_ELIMIT; ::NW_ENOMEM.
 */
NW_API int nw_network_load_csv(nw_network **out, const char *actors_path, const char *ties_path,
                               const nw_load_options *opts);

/**
 * @brief Load a network from the text of `actors.csv` and, optionally, `ties.csv`.
 * @param[out] out     The new network, owned by the caller; free with
 *                     nw_network_free(). Untouched on failure.
 * @param actors       The actors text; not kept.
 * @param actors_len   Its length in bytes.
 * @param ties         The ties text, or NULL for none; not kept.
 * @param ties_len     Its length in bytes.
 * @param opts         Options, or NULL for ::NW_LOAD_OPTIONS_INIT.
 * @return ::NW_OK; ::NW_EINVAL for a NULL @p out or @p actors, or bad
 *         options; ::NW_EFORMAT; ::NW_ELIMIT; ::NW_ENOMEM.
 */
NW_API int nw_network_load_csv_buffer(nw_network **out, const void *actors, size_t actors_len,
                                      const void *ties, size_t ties_len,
                                      const nw_load_options *opts);

/**
 * @brief Save a network as `actors.csv` and `ties.csv`, each atomically.
 *
 * The two files are replaced one after the other: ties.csv is written only
 * after actors.csv succeeded.
 *
 * @param net          The network.
 * @param actors_path  Path of the actors file.
 * @param ties_path    Path of the ties file, or NULL to write actors only.
 * @param opts         Options, or NULL for ::NW_SAVE_OPTIONS_INIT.
 * @return ::NW_OK; ::NW_EINVAL for a NULL @p net or @p actors_path, or bad
 *         options; ::NW_ESTALE if the network was freed; ::NW_EIO; ::NW_ENOMEM.
 */
NW_API int nw_network_save_csv(const nw_network *net, const char *actors_path,
                               const char *ties_path, const nw_save_options *opts);

/**
 * @brief Save a network as the text of `actors.csv` and `ties.csv`.
 * @param[out] actors      The actors text, NUL-terminated; free with nw_free().
 * @param[out] actors_len  Its length without the NUL; may be NULL.
 * @param[out] ties        The ties text, NUL-terminated; free with nw_free().
 * @param[out] ties_len    Its length without the NUL; may be NULL.
 * @param net              The network.
 * @param opts             Options, or NULL for ::NW_SAVE_OPTIONS_INIT.
 * @return ::NW_OK; ::NW_EINVAL for a NULL @p actors, @p ties or @p net, or
 *         bad options; ::NW_ESTALE if the network was freed; ::NW_ENOMEM.
 *         On failure both outputs are untouched.
 */
NW_API int nw_network_save_csv_buffer(char **actors, size_t *actors_len, char **ties,
                                      size_t *ties_len, const nw_network *net,
                                      const nw_save_options *opts);

#ifdef __cplusplus
}
#endif

#endif
